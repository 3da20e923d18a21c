package de.quartierdispatch.incident;

import java.util.List;

import de.quartierdispatch.geo.GeoPoint;

/**
 * A report entered to join an open incident instead of opening its own (at the counter).
 *
 * @param incidentId the incident it is to join
 * @param category the report's category: the incident's must be the same
 * @param near where the report is about: the incident must lie within
 * {@code radiusMeters}
 * @param radiusMeters how far apart report and incident may be
 * @param remit the quarters of whoever enters it (empty: all)
 */
public record ReportJoin(long incidentId, String category, GeoPoint near, int radiusMeters, List<Long> remit) {
}
