package de.quartierdispatch.privacy;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit log.
 *
 * @param id the entry's number
 * @param at when
 * @param actor who, as recorded ({@code staff:<id>} or {@code system:<job>})
 * @param actorUsername the staff member's user name, when the actor is a staff member
 * @param actorName the staff member's name
 * @param action what, e.g. {@code CONTACT_READ}
 * @param reportId the report concerned
 * @param trackingCode that report's tracking code (what residents and the privacy
 * requests name it by)
 * @param purpose why, as given by the actor
 * @param details further facts (JSON)
 */
record AuditEntry(long id, OffsetDateTime at, String actor, @Nullable String actorUsername, @Nullable String actorName,
		String action, @Nullable Long reportId, @Nullable String trackingCode, @Nullable String purpose,
		@JsonRawValue @Schema(types = "object", description = "What the entry is about, by action") String details) {
}
