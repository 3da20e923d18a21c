package de.quartierdispatch.publicmap;

/**
 * An open report as the public map shows it: nothing but what is needed to recognise "the
 * same thing".
 *
 * @param ref the incident's reference, for "me too"
 * @param category the category code
 * @param status {@code RECEIVED} or {@code IN_PROGRESS}
 * @param ageDays whole days since it was first reported
 * @param lat the latitude of its grid cell's centre
 * @param lon the longitude of its grid cell's centre
 */
public record OpenReport(long ref, String category, String status, int ageDays, double lat, double lon) {
}
