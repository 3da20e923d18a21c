package de.quartierdispatch.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a subscriber checks: HMAC-SHA256 with the subscriber's secret over
 * {@code <timestamp>.<body>}, sent as
 * {@code X-Quartier-Signature: t=<timestamp>,v1=<hex>} (the timestamp in seconds since
 * the epoch, so that a receiver can refuse replays).
 */
final class WebhookSignature {

	static final String HEADER = "X-Quartier-Signature";

	private WebhookSignature() {
	}

	static String header(String secret, long timestamp, String body) {
		return "t=" + timestamp + ",v1=" + sign(secret, timestamp, body);
	}

	static String sign(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signature = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
