package de.quartierdispatch.team;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A team as stored.
 *
 * @param id the team's id
 * @param name e.g. "KOD Streife Boy 1"
 * @param teamType the type's code, e.g. {@code KOD}
 * @param status what it is doing
 * @param languages languages its members speak (ISO 639-1)
 * @param quarterCodes quarters it covers
 * @param lat last known position, latitude
 * @param lon last known position, longitude
 * @param positionAt when the position was shared
 * @param version optimistic-locking version
 */
public record Team(long id, String name, String teamType, TeamStatus status, List<String> languages,
		List<String> quarterCodes, @Nullable Double lat, @Nullable Double lon, @Nullable OffsetDateTime positionAt,
		int version) {
}
