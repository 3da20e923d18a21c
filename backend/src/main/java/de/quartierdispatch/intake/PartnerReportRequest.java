package de.quartierdispatch.intake;

import java.util.Set;

import de.quartierdispatch.geo.GeoPoint;
import de.quartierdispatch.routing.ReportFlag;
import org.jspecify.annotations.Nullable;

/**
 * A report a partner app sends on behalf of a resident (Open311). It carries no contact
 * details: the app keeps its own users, and we store nothing about a person we did not
 * get consent from.
 *
 * @param category the category code
 * @param description what happened (the form's rules: 10 to 2,000 characters once
 * cleaned)
 * @param location where
 * @param address the address the app names, if any
 * @param flags facts the resident ticked
 * @param language the resident's language, one of the eight the product speaks
 */
public record PartnerReportRequest(String category, String description, GeoPoint location, @Nullable String address,
		Set<ReportFlag> flags, String language) {
}
