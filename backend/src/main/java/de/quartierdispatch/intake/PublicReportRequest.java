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
 * A report from the public form.
 *
 * @param category the category code
 * @param description what happened (10 to 2,000 characters once cleaned)
 * @param location where
 * @param address the address the person searched for, if any
 * @param flags facts the person ticked
 * @param contact how to reach them, if they want to be reached
 * @param consent their consent to storing the contact details (required with contact
 * details)
 * @param language the language they used
 * @param website a field people never see: whoever fills it is a robot
 * @param supports the open report ({@code ref} on the public map) this one says "me too"
 * to; it joins it when it is still open, of the same category and nearby, else it is a
 * report of its own
 */
record PublicReportRequest(@NotBlank @Size(max = 32) String category, @NotNull @Size(max = 4000) String description,
		@NotNull @Valid GeoLocation location, @Nullable @Size(max = 300) String address,
		@Nullable @Size(max = 3) Set<ReportFlag> flags, @Nullable @Valid ContactDetails contact,
		@JsonSetter(nulls = Nulls.AS_EMPTY) boolean consent,
		@NotNull @Pattern(regexp = "de|en|ar|fa|tr|uk|ro|bg") String language, @Nullable String website,
		@Nullable Long supports) {
}
