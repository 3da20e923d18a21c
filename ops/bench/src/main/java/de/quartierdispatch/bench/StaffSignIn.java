package de.quartierdispatch.bench;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.microsoft.playwright.Page;

/**
 * A demo member signs in in the browser, as on a phone or desk: password, then the second
 * factor, set up afresh (the bench first forgets the member's earlier one, and reads the
 * new secret off the page like an authenticator app would).
 */
final class StaffSignIn {

	private StaffSignIn() {
	}

	static void signIn(Page page, String baseUrl, String username, String password, String path,
			Consumer<String> forgetSecondFactor) {
		try {
			tryToSignIn(page, baseUrl, username, password, path, forgetSecondFactor);
		}
		catch (RuntimeException ex) {
			page.screenshot(new Page.ScreenshotOptions()
				.setPath(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "bench-sign-in-failed.png")));
			throw ex;
		}
	}

	private static void tryToSignIn(Page page, String baseUrl, String username, String password, String path,
			Consumer<String> forgetSecondFactor) {
		forgetSecondFactor.accept(username);
		String target = baseUrl + path;
		page.navigate(baseUrl + "/login?next=" + path);
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("button[type=submit]").click();
		page.waitForURL((url) -> url.contains("/mfa") || url.equals(target));
		if (page.url().contains("/mfa")) {
			page.locator("#enrol-step:visible, #code-step:visible").first().waitFor();
			if (!page.locator("#enrol-step").isVisible()) {
				throw new IllegalStateException(username + " still has a second factor");
			}
			String secret = page.locator("#secret").textContent().replaceAll("\\s", "");
			page.locator("#enrol-code").fill(totp(secret));
			page.locator("#enrol-form button[type=submit]").click();
			page.locator("#recovery-continue").click();
		}
		page.waitForURL(target);
	}

	/**
	 * Removes a member's second factor and its used codes, so that the next sign-in sets
	 * it up.
	 */
	static void forgetSecondFactor(String jdbcUrl, String dbUser, String dbPassword, String username) {
		try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
				PreparedStatement totp = connection.prepareStatement(
						"DELETE FROM staff_totp WHERE user_id = (SELECT id FROM staff_user WHERE username = ?)");
				PreparedStatement steps = connection.prepareStatement(
						"DELETE FROM staff_totp_used_step WHERE user_id = (SELECT id FROM staff_user WHERE username = ?)")) {
			for (PreparedStatement statement : new PreparedStatement[] { totp, steps }) {
				statement.setString(1, username);
				statement.executeUpdate();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** RFC 6238 with the defaults authenticator apps use: SHA-1, 30 s, 6 digits. */
	static String totp(String base32Secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(System.currentTimeMillis() / 30000).array());
			int offset = hash[hash.length - 1] & 0xf;
			int code = (ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff) % 1_000_000;
			return String.format("%06d", code);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		StringBuilder bits = new StringBuilder();
		for (char c : text.replace("=", "").toUpperCase().toCharArray()) {
			String chunk = Integer.toBinaryString(alphabet.indexOf(c));
			bits.append("0".repeat(5 - chunk.length())).append(chunk);
		}
		byte[] bytes = new byte[bits.length() / 8];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) Integer.parseInt(bits.substring(i * 8, i * 8 + 8), 2);
		}
		return bytes;
	}

}
