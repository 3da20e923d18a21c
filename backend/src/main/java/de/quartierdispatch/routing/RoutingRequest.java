package de.quartierdispatch.routing;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What routing needs to know about a new report.
 *
 * @param category the report's category code
 * @param quarterId the most specific quarter, or {@code null} outside every quarter
 * @param quarterCodes the codes of that quarter and of the areas enclosing it
 * @param receivedAt when the report came in
 * @param flags facts the report carries
 */
public record RoutingRequest(String category, @Nullable Long quarterId, List<String> quarterCodes, Instant receivedAt,
		Set<ReportFlag> flags) {
}
