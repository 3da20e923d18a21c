package de.quartierdispatch.incident;

import java.time.Instant;
import java.util.Set;

import de.quartierdispatch.geo.GeoPoint;
import de.quartierdispatch.routing.ReportFlag;
import de.quartierdispatch.routing.RoutingDecision;
import org.jspecify.annotations.Nullable;

/**
 * An incident about to be opened by its first report.
 *
 * @param category the category code
 * @param quarterId the quarter, or {@code null} for a place outside every quarter
 * @param location where
 * @param flags facts the first report carries
 * @param routing who should go, how urgently, and why
 * @param openedAt when the first report came in
 */
public record NewIncident(String category, @Nullable Long quarterId, GeoPoint location, Set<ReportFlag> flags,
		RoutingDecision routing, Instant openedAt) {
}
