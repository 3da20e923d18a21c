package de.quartierdispatch.intake;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Intake's use case for partner apps (Open311): a report goes through the public form's
 * checks, geotagging, routing and idempotency, on the channel {@code OPEN311} under the
 * app's name.
 */
@Service
public class PartnerSubmissions {

	private final Intake intake;

	PartnerSubmissions(Intake intake) {
		this.intake = intake;
	}

	/**
	 * Submits a partner app's report. The same idempotency key with the same report
	 * answers as the first time and stores nothing new; so does the same report stored
	 * under {@code earlierKey}, where one is given (a key made from a time window, and
	 * the window before it).
	 */
	public Mono<PartnerReceipt> submit(PartnerReportRequest request, String partnerName, String idempotencyKey,
			@Nullable String earlierKey) {
		return this.intake.submitFromPartner(request, partnerName, idempotencyKey, earlierKey);
	}

}
