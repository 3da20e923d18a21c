package de.quartierdispatch.intake;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import de.quartierdispatch.routing.ReportFlag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A walk-in, phone call or e-mail entered by staff at a contact point.
 *
 * @param channel walk-in, phone or e-mail
 * @param contactPointId the contact point taking it
 * @param category the category code
 * @param description what happened
 * @param location where (staff may keep a place outside every quarter)
 * @param address the address, when it was searched
 * @param flags facts the reporter mentioned
 * @param contact the reporter's contact details; required unless {@code noContact}
 * @param noContact the reporter explicitly wants no contact
 * @param consent the reporter agreed to their contact details being stored
 * @param language the reporter's language
 * @param interpreterNeeded whether a follow-up needs an interpreter
 * @param attachToIncident an open incident nearby this report belongs to, instead of a
 * new one
 */
record CounterReportRequest(@NotNull Channel channel, @NotNull Long contactPointId,
		@NotBlank @Size(max = 32) String category, @NotNull @Size(max = 4000) String description,
		@NotNull @Valid GeoLocation location, @Nullable @Size(max = 300) String address,
		@Nullable @Size(max = 3) Set<ReportFlag> flags, @Nullable @Valid ContactDetails contact,
		@JsonSetter(nulls = Nulls.AS_EMPTY) boolean noContact, @JsonSetter(nulls = Nulls.AS_EMPTY) boolean consent,
		@NotNull @Pattern(regexp = "de|en|ar|fa|tr|uk|ro|bg") String language,
		@JsonSetter(nulls = Nulls.AS_EMPTY) boolean interpreterNeeded, @Nullable Long attachToIncident) {
}
