package de.quartierdispatch.intake;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * An open incident near a walk-in's place, offered so that staff can attach the walk-in
 * to it instead of opening a duplicate.
 *
 * @param id the incident
 * @param state its state
 * @param distanceMeters how far from the walk-in's place
 * @param openedAt when its first report came in
 * @param reports how many reports it has
 * @param address the address of its first report, if one was searched
 * @param excerpt the beginning of its first report's description
 */
record NearbyIncident(long id, String state, int distanceMeters, OffsetDateTime openedAt, long reports,
		@Nullable String address, String excerpt) {
}
