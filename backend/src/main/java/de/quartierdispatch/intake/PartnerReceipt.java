package de.quartierdispatch.intake;

/**
 * What a partner app gets back for a report.
 *
 * @param reportId the report's id, public in Open311 as {@code service_request_id}
 * @param trackingCode the code the resident can follow the report with
 * @param replayed whether this repeats an earlier identical submission
 */
public record PartnerReceipt(long reportId, String trackingCode, boolean replayed) {
}
