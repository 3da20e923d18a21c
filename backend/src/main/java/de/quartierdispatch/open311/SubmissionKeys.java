package de.quartierdispatch.open311;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import de.quartierdispatch.open311.PartnerKeys.PartnerKey;
import de.quartierdispatch.system.Sha256;
import org.jspecify.annotations.Nullable;

/**
 * The idempotency keys of a partner app's submission: the app's own
 * {@code Idempotency-Key}, or keys made from what it sent. GeoReport clients send no key;
 * what they send names the resident (device, account, e-mail), so two residents' same
 * complaint stays two reports. The same submission sent again within
 * {@link #RETRY_WINDOW} (its answer was lost) is stored once: its key names the quarter
 * hour it came in, and a retry is also looked up under the quarter hour before
 * ({@code earlier}), so that one across the edge is found as well. One sent 15 to 30
 * minutes later may be; the same complaint a day later is a new report. Kept beside the
 * residents' keys, under a name theirs cannot take (a resident's key has no {@code /}).
 *
 * @param key the key the submission is stored under
 * @param earlier the key an identical submission of the quarter hour before was stored
 * under, or null for the app's own key
 */
record SubmissionKeys(String key, @Nullable String earlier) {

	/** How long a submission sent again without a key counts as the same (a retry). */
	static final Duration RETRY_WINDOW = Duration.ofMinutes(15);

	static SubmissionKeys of(PartnerKey partner, Open311Parameters parameters, Optional<byte[]> photo,
			@Nullable String given, Instant now) {
		String app = "open311/" + partner.id() + "/";
		if (given != null && !given.isBlank()) {
			return new SubmissionKeys(app + given.strip(), null);
		}
		long window = now.getEpochSecond() / RETRY_WINDOW.toSeconds();
		return new SubmissionKeys(app + fingerprint(parameters, photo, window),
				app + fingerprint(parameters, photo, window - 1));
	}

	private static String fingerprint(Open311Parameters parameters, Optional<byte[]> photo, long window) {
		return HexFormat.of()
			.formatHex(Sha256.of((parameters.submission() + "@" + window).getBytes(StandardCharsets.UTF_8),
					photo.orElse(new byte[0])));
	}

}
