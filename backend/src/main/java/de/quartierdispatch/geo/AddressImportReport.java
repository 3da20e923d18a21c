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
public record AddressImportReport(long rows, long imported, List<String> rejected, long rejectedCount) {
}
