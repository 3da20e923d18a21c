package de.quartierdispatch.security.mfa;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as an SVG data URI, drawn here (the browser asks no one else): dark modules
 * as one path on a white square with the quiet zone the standard asks for.
 */
public final class QrCodeImage {

	private static final int QUIET_ZONE = 4;

	private QrCodeImage() {
	}

	public static String svgDataUri(String text) {
		return "data:image/svg+xml;base64,"
				+ Base64.getEncoder().encodeToString(svg(text).getBytes(StandardCharsets.UTF_8));
	}

	static String svg(String text) {
		QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
		int size = qr.size + QUIET_ZONE * 2;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				if (qr.getModule(x, y)) {
					path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
				+ path + "\" fill=\"#000\"/></svg>";
	}

}
