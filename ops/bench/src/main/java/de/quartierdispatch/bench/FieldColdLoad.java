package de.quartierdispatch.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.ServiceWorkerPolicy;

/**
 * The field app on a phone with a poor connection (issue 12's budget): a cold load of
 * {@code /field} in headless Chromium under its network emulation (400 kbit/s both ways,
 * 400 ms round trip, no HTTP cache, no service worker) until the list of assignments is
 * drawn, and the bytes it took; then a second visit with the network off, answered by the
 * service worker and the phone's own storage. The member signs in first, on an
 * unthrottled page (the sign-in is not part of the budget). The limits are the issue's: 3
 * s and 150 KB, and 1 s offline.
 */
public final class FieldColdLoad {

	static final double COLD_LIMIT_MS = 3000;

	static final double BYTES_LIMIT = 150 * 1024;

	static final double OFFLINE_LIMIT_MS = 1000;

	private static final int KILOBITS_PER_SECOND = 400;

	private static final int ROUND_TRIP_MS = 400;

	private final String baseUrl;

	private final String password;

	private final String jdbcUrl;

	private final String dbUser;

	private final String dbPassword;

	FieldColdLoad(String baseUrl, String password, String jdbcUrl, String dbUser, String dbPassword) {
		this.baseUrl = baseUrl;
		this.password = password;
		this.jdbcUrl = jdbcUrl;
		this.dbUser = dbUser;
		this.dbPassword = dbPassword;
	}

	/**
	 * The figures of {@code times} cold and offline loads: each one's time, and the
	 * bytes.
	 */
	Map<String, Object> measure(int times) throws SQLException {
		return measure(times, true);
	}

	/**
	 * The figures of {@code times} cold loads only (an instance whose certificate the
	 * browser is told to accept, where a service worker cannot be installed).
	 */
	Map<String, Object> measureCold(int times) throws SQLException {
		return measure(times, false);
	}

	private Map<String, Object> measure(int times, boolean offlineToo) throws SQLException {
		giveTheFieldTeamAJob();
		List<Double> cold = new ArrayList<>();
		List<Double> bytes = new ArrayList<>();
		List<Double> offline = new ArrayList<>();
		// The system's Chromium: Playwright is not to download one.
		try (Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
				Browser browser = playwright.chromium()
					.launch(new BrowserType.LaunchOptions()
						.setExecutablePath(Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium")))
						.setHeadless(true))) {
			for (int i = 0; i < times; i++) {
				try (BrowserContext context = phone(browser, ServiceWorkerPolicy.BLOCK)) {
					signIn(context.newPage());
					double[] figures = coldLoad(context);
					cold.add(figures[0]);
					bytes.add(figures[1]);
				}
				if (offlineToo) {
					try (BrowserContext context = phone(browser, ServiceWorkerPolicy.ALLOW)) {
						offline.add(offlineVisit(context));
					}
				}
			}
		}
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("cold_usable_ms", cold);
		figures.put("cold_bytes", bytes);
		figures.put("offline_usable_ms", offline);
		return figures;
	}

	private static BrowserContext phone(Browser browser, ServiceWorkerPolicy workers) {
		return browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("de-DE")
			.setIsMobile(true)
			.setHasTouch(true)
			// The HTTPS instance's certificate is the benchmark's own.
			.setIgnoreHTTPSErrors(true)
			.setServiceWorkers(workers));
	}

	/**
	 * Milliseconds until the list is drawn, and the bytes transferred by then and just
	 * after.
	 */
	private double[] coldLoad(BrowserContext context) {
		Page page = context.newPage();
		CDPSession cdp = context.newCDPSession(page);
		cdp.send("Network.enable");
		JsonObject noCache = new JsonObject();
		noCache.addProperty("cacheDisabled", true);
		cdp.send("Network.setCacheDisabled", noCache);
		JsonObject slow = new JsonObject();
		slow.addProperty("offline", false);
		slow.addProperty("latency", ROUND_TRIP_MS);
		slow.addProperty("downloadThroughput", KILOBITS_PER_SECOND * 1000 / 8);
		slow.addProperty("uploadThroughput", KILOBITS_PER_SECOND * 1000 / 8);
		cdp.send("Network.emulateNetworkConditions", slow);
		AtomicLong transferred = new AtomicLong();
		cdp.on("Network.loadingFinished", (event) -> transferred.addAndGet(event.get("encodedDataLength").getAsLong()));
		long started = System.nanoTime();
		page.navigate(this.baseUrl + "/field");
		page.locator("#assignments > li").first().waitFor();
		double usable = (System.nanoTime() - started) / 1e6;
		// What follows the list (the card map's Leaflet) counts towards the bytes too.
		page.waitForLoadState(LoadState.NETWORKIDLE);
		return new double[] { usable, transferred.get() };
	}

	/**
	 * Milliseconds until the list is drawn when the phone has no network on its second
	 * visit.
	 */
	private double offlineVisit(BrowserContext context) {
		Page page = context.newPage();
		signIn(page);
		page.locator("#offline-ready[data-ready=yes]").waitFor();
		page.locator("#assignments > li").first().waitFor();
		context.setOffline(true);
		long started = System.nanoTime();
		page.navigate(this.baseUrl + "/field");
		page.locator("#assignments > li").first().waitFor();
		return (System.nanoTime() - started) / 1e6;
	}

	private void signIn(Page page) {
		StaffSignIn.signIn(page, this.baseUrl, "field", this.password, "/field",
				(username) -> StaffSignIn.forgetSecondFactor(this.jdbcUrl, this.dbUser, this.dbPassword, username));
	}

	/**
	 * One job for the demo member's team, so that there is a list to draw; the member's
	 * second factor is set up afresh by each sign-in.
	 */
	private void giveTheFieldTeamAJob() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl, this.dbUser, this.dbPassword);
				Statement statement = connection.createStatement()) {
			statement.execute("""
					INSERT INTO assignment (incident_id, team_id, state, assigned_by)
					SELECT i.id, u.team_id, 'ASSIGNED', 'bench' FROM incident i, staff_user u
					WHERE u.username = 'field' AND i.state = 'OPEN'
					  AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.team_id = u.team_id
					                  AND a.state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE'))
					ORDER BY i.id LIMIT 1
					""");
		}
	}

	/**
	 * On its own, against a running instance:
	 * {@code FieldColdLoad <base URL> <demo password>
	 * <JDBC URL> <database user> <database password> [times]}.
	 */
	public static void main(String[] args) throws SQLException {
		int times = (args.length > 5) ? Integer.parseInt(args[5]) : 3;
		System.out.println(new FieldColdLoad(args[0], args[1], args[2], args[3], args[4]).measure(times));
	}

}
