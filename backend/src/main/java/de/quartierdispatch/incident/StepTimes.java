package de.quartierdispatch.incident;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * When a field step was taken. The field app queues a step taken without network (a
 * basement, a tower block's stairwell) and sends it when the network is back, with the
 * time it was taken: the assignment, the step's note and the statistics' arrival on site
 * keep that time, not the time of the sending. The phone's word is held to what the
 * server knows: a step is not later than its arrival here and not earlier than the
 * assignment's previous step.
 */
final class StepTimes {

	/** Below this the step came straight through; the board names no second time. */
	private static final Duration DELAYED = Duration.ofMinutes(1);

	private StepTimes() {
	}

	static OffsetDateTime taken(@Nullable OffsetDateTime claimed, OffsetDateTime previousStep, OffsetDateTime now) {
		if (claimed == null || claimed.isAfter(now)) {
			return now;
		}
		return claimed.isBefore(previousStep) ? previousStep : claimed.withOffsetSameInstant(ZoneOffset.UTC);
	}

	/**
	 * Whether the step waited long enough on the phone for the board to say when it was
	 * taken.
	 */
	static boolean delayed(OffsetDateTime taken, OffsetDateTime now) {
		return Duration.between(taken, now).compareTo(DELAYED) >= 0;
	}

}
