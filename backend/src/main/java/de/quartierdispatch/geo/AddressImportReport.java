package de.quartierdispatch.geo;

import java.util.List;

/**
 * What an address import did.
 *
 * @param rows data rows read
 * @param imported addresses written (new or moved)
 * @param rejected rows that could not be read, with their line and reason (at most 100
 * listed)
 * @param rejectedCount how many rows were rejected in all
 */
public record AddressImportReport(long rows, long imported, List<RejectedRow> rejected, long rejectedCount) {

	/**
	 * A row skipped.
	 *
	 * @param line its line in the file
	 * @param reason why: {@code empty} (street, house number or city), {@code too-long},
	 * {@code not-numbers} (the coordinates), {@code out-of-range} (of the reference
	 * system)
	 */
	public record RejectedRow(long line, String reason) {
	}

}
