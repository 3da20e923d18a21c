package de.quartierdispatch.referral;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a referral, as the partner records it.
 *
 * @param outcome what came of it
 * @param appointmentAt when the appointment is (for an appointment)
 * @param redirectTo where to turn instead (when not responsible)
 * @param version the referral's version the member saw: when given, an outcome recorded
 * meanwhile by someone else is not overwritten (409)
 */
record OutcomeRequest(@NotNull Outcome outcome, @Nullable OffsetDateTime appointmentAt,
		@Nullable @Size(max = 500) String redirectTo, @Nullable @Min(0) Integer version) {
}
