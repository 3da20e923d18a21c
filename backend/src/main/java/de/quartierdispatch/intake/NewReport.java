package de.quartierdispatch.intake;

import java.util.List;
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
 * @param remit the quarters whoever enters it may attach it in (empty: all)
 * @param sourceName the partner app it came through (Open311 only)
 */
record NewReport(Channel channel, String category, String description, GeoPoint location, @Nullable String address,
		Set<ReportFlag> flags, @Nullable ContactDetails contact, boolean consent, String language,
		boolean interpreterNeeded, @Nullable Long contactPointId, @Nullable Long enteredBy,
		@Nullable Long attachToIncident, List<Long> remit, @Nullable String sourceName) {

	/** The same report, to be attached to an open incident. */
	NewReport joining(long incidentId) {
		return new NewReport(this.channel, this.category, this.description, this.location, this.address, this.flags,
				this.contact, this.consent, this.language, this.interpreterNeeded, this.contactPointId, this.enteredBy,
				incidentId, this.remit, this.sourceName);
	}

	boolean isPublic() {
		return this.channel == Channel.WEB || this.channel == Channel.OPEN311;
	}

	String actor() {
		return (this.enteredBy != null) ? "staff:" + this.enteredBy : "public";
	}

}
