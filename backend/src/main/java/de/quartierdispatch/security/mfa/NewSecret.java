package de.quartierdispatch.security.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A new secret for an authenticator app: as text to type in (Base32 in groups of four),
 * as an {@code otpauth:} link and as that link's QR code (an SVG data URI).
 *
 * @param secret the secret for typing in
 * @param uri the link authenticator apps read
 * @param qrCode the link as a QR code
 */
public record NewSecret(String secret, String uri, String qrCode) {

	public static NewSecret of(byte[] secret, String issuer, String username) {
		String text = Base32.encode(secret);
		String uri = "otpauth://totp/" + encode(issuer) + ":" + encode(username) + "?secret=" + text + "&issuer="
				+ encode(issuer) + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
		return new NewSecret(text.replaceAll("(.{4})(?!$)", "$1 "), uri, QrCodeImage.svgDataUri(uri));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
