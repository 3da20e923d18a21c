package de.quartierdispatch.system;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Points in time a client sends. Java reads years from -999,999,999 to 999,999,999 and
 * PostgreSQL stores 4713 BC to 294276 AD; neither edge is a time anyone means, and both
 * break arithmetic (a deadline, a time zone) or storage. Only years 1900 to 2999 are
 * taken.
 */
public final class Timestamps {

	private static final int FIRST_YEAR = 1900;

	private static final int LAST_YEAR = 2999;

	private Timestamps() {
	}

	/** Whether the time lies in the years a person could mean. */
	public static boolean plausible(OffsetDateTime time) {
		return time.getYear() >= FIRST_YEAR && time.getYear() <= LAST_YEAR;
	}

	/** The time, or a 400 naming the field when no one could mean it. */
	public static @Nullable OffsetDateTime checked(String field, @Nullable OffsetDateTime time) {
		if (time != null && !plausible(time)) {
			throw new InvalidFieldsException(field, "time.implausible");
		}
		return time;
	}

	/**
	 * Refuses a period that starts after it ends (422 naming {@code from}), as the
	 * statistics do: it is a typing error, not a question whose answer is "nothing".
	 */
	public static <T extends Comparable<? super T>> void inOrder(@Nullable T from, @Nullable T to) {
		if (from != null && to != null && from.compareTo(to) > 0) {
			throw new InvalidFieldsException("from", "time.from-after-to");
		}
	}

	/** The day, or a 400 naming the field when no one could mean it. */
	public static @Nullable LocalDate checked(String field, @Nullable LocalDate day) {
		if (day != null && (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR)) {
			throw new InvalidFieldsException(field, "time.implausible");
		}
		return day;
	}

}
