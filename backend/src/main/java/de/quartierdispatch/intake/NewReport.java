package de.quartierdispatch.intake;

import java.util.Set;

import de.quartierdispatch.geo.GeoPoint;
import de.quartierdispatch.routing.ReportFlag;
import org.jspecify.annotations.Nullable;

/**
 * A report from either channel, cleaned and ready to be checked.
 *
 * @param channel how it reached us
 * @param category the category code
 * @param description what happened, cleaned
 * @param location where
 * @param address the searched address, if any
 * @param flags facts it carries
 * @param contact the reporter's contact details, if any
 * @param consent the reporter agreed to their contact details being stored
 * @param language the reporter's language
 * @param interpreterNeeded a follow-up needs an interpreter
 * @param contactPointId the contact point that took it (staff only)
 * @param enteredBy the staff account that entered it (staff only)
 * @param attachToIncident an open incident it belongs to (staff only)
 */
record NewReport(Channel channel, String category, String description, GeoPoint location, @Nullable String address,
		Set<ReportFlag> flags, @Nullable ContactDetails contact, boolean consent, String language,
		boolean interpreterNeeded, @Nullable Long contactPointId, @Nullable Long enteredBy,
		@Nullable Long attachToIncident) {

	boolean isPublic() {
		return this.channel == Channel.WEB;
	}

	String actor() {
		return (this.enteredBy != null) ? "staff:" + this.enteredBy : "public";
	}

}
