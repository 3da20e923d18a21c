package de.quartierdispatch.intake;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * What a reporter gets back: the tracking code and where to follow the report.
 *
 * @param trackingCode the code, e.g. {@code K7QM-3XPA-9F2C}
 * @param statusPath the status page, e.g. {@code /status/K7QM-3XPA-9F2C}
 * @param submittedAt when it was received
 * @param quarter the quarter's name, if the place lies in one
 * @param language the reporter's language (for the receipt's privacy notice)
 * @param joined whether the report joined an open report about the same thing ("me too")
 */
record ReportReceipt(String trackingCode, String statusPath, OffsetDateTime submittedAt, @Nullable String quarter,
		String language, boolean joined) {
}
