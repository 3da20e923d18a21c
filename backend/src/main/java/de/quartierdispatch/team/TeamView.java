package de.quartierdispatch.team;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A team as the board shows it.
 *
 * @param id the team's id
 * @param name its name
 * @param teamType the type's code
 * @param status what it is doing
 * @param languages languages its members speak
 * @param quarterCodes quarters it covers
 * @param position last known position, if it was ever shared
 * @param version optimistic-locking version
 */
public record TeamView(long id, String name, String teamType, TeamStatus status, List<String> languages,
		List<String> quarterCodes, @Nullable Position position, int version) {

	/**
	 * A shared position and when it was shared.
	 */
	public record Position(double lat, double lon, OffsetDateTime at) {
	}

}
