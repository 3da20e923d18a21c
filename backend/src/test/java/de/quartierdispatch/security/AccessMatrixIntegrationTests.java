package de.quartierdispatch.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every API endpoint, staff page and the board's WebSocket, for each
 * role and for anonymous callers. Allowed means the server gets past the security check
 * (the request itself may still be invalid: bodies here are empty on purpose, so that
 * nothing is changed) and ids name nothing, so that the object-level checks of
 * {@link ObjectLevelAccessIntegrationTests} do not interfere; refused means 401 for
 * anonymous API calls, 403 for signed-in ones, and a redirect to the sign-in page for
 * pages. A further test fails when an endpoint is added without a row here.
 */
@IntegrationTest
class AccessMatrixIntegrationTests {

	/**
	 * Who calls: anonymous, a demo account of one role, or a field member (of their own)
	 * who has given the password but not yet set up the second factor their role
	 * requires.
	 */
	enum Caller {

		ANONYMOUS(null), COUNTER("counter"), DISPATCHER("dispatcher"), FIELD("field"), ANALYST("analyst"),
		ADMIN("admin"), PARTNER("partner"), SECOND_FACTOR_DUE(null);

		private final String username;

		Caller(String username) {
			this.username = username;
		}

	}

	private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);

	private static final Set<Caller> STAFF = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));

	private static final List<Endpoint> ENDPOINTS = List.of(
			// The public side: the form, the status page, and what they read and send.
			page("/", EVERYONE), page("/status/ABCD-EFGH-JKMN", EVERYONE), page("/login", EVERYONE),
			api("GET /api/quarters", "/api/quarters", EVERYONE),
			api("GET /api/quarters/locate", "/api/quarters/locate?lat=51.53&lon=6.93", EVERYONE),
			api("GET /api/categories", "/api/categories", EVERYONE), api("GET /api/config", "/api/config", EVERYONE),
			api("GET /i18n/{page}/{language}.json", "/i18n/field/de.json", EVERYONE),
			api("GET /api/geocode", "/api/geocode?q=hansastr", EVERYONE),
			api("GET /api/geocode/reverse", "/api/geocode/reverse?lat=51.5236&lon=6.9286", EVERYONE),
			api("GET /api/contact-points", "/api/contact-points", EVERYONE),
			api("GET /api/reports/{code}", "/api/reports/ABCD-EFGH-JKMN", EVERYONE),
			api("POST /api/reports", "/api/reports", EVERYONE),
			api("POST /api/reports/{code}/photos", "/api/reports/ABCD-EFGH-JKMN/photos", EVERYONE),
			api("POST /api/reports/{code}/still-a-problem", "/api/reports/ABCD-EFGH-JKMN/still-a-problem", EVERYONE),
			api("GET /api/open-reports", "/api/open-reports?lat=51.53&lon=6.93", EVERYONE),
			page("/mail/stop?t=0000", EVERYONE), page("/barrierefreiheit", EVERYONE),
			page("/leichte-sprache", EVERYONE), api("GET /api/accessibility", "/api/accessibility", EVERYONE),
			api("POST /api/accessibility/feedback", "/api/accessibility/feedback", EVERYONE),
			api("GET /api/admin/accessibility-feedback", "/api/admin/accessibility-feedback", EnumSet.of(Caller.ADMIN)),
			api("POST /api/admin/accessibility-feedback/{id}/answer", "/api/admin/accessibility-feedback/999999/answer",
					EnumSet.of(Caller.ADMIN)),
			api("POST /api/mail/stop", "/api/mail/stop?t=0000", EVERYONE),
			api("GET /api/mail/stop", "/api/mail/stop?t=0000", EVERYONE),
			api("POST /api/auth/login", "/api/auth/login", EVERYONE),
			// Open311 for partner apps: reading is public; a submission passes the
			// security layer and is then checked for the partner app's key
			// (Open311IntegrationTests).
			// The unknown jurisdiction is refused before the key is looked at.
			api("GET /open311/v2/discovery", "/open311/v2/discovery", EVERYONE),
			api("GET /open311/v2/discovery.{format}", "/open311/v2/discovery.xml", EVERYONE),
			api("GET /open311/v2/services", "/open311/v2/services", EVERYONE),
			api("GET /open311/v2/services.{format}", "/open311/v2/services.json", EVERYONE),
			api("GET /open311/v2/services/{code}", "/open311/v2/services/NOISE.xml", EVERYONE),
			api("GET /open311/v2/requests", "/open311/v2/requests", EVERYONE),
			api("GET /open311/v2/requests.{format}", "/open311/v2/requests.xml", EVERYONE),
			api("GET /open311/v2/requests/{id}", "/open311/v2/requests/999999.json", EVERYONE),
			api("GET /open311/v2/tokens/{token}", "/open311/v2/tokens/ABCD-EFGH-JKMN.json", EVERYONE),
			api("POST /open311/v2/requests", "/open311/v2/requests?jurisdiction_id=elsewhere", EVERYONE),
			api("POST /open311/v2/requests.{format}", "/open311/v2/requests.xml?jurisdiction_id=elsewhere", EVERYONE),
			// The API description: what exists, never data.
			api("GET /v3/api-docs", "/v3/api-docs", EVERYONE),
			api("GET /v3/api-docs.yaml", "/v3/api-docs.yaml", EVERYONE),
			api("GET /api/auth/providers", "/api/auth/providers", EVERYONE),
			// Signed in, any role, also while the second factor is due.
			api("GET /api/auth/me", "/api/auth/me", STAFF), api("POST /api/auth/logout", "/api/auth/logout", STAFF),
			page("/mfa", STAFF), api("GET /api/auth/mfa", "/api/auth/mfa", STAFF),
			api("POST /api/auth/mfa/enrolment", "/api/auth/mfa/enrolment", STAFF),
			api("POST /api/auth/mfa/enrolment/confirm", "/api/auth/mfa/enrolment/confirm", STAFF),
			api("POST /api/auth/mfa/verify", "/api/auth/mfa/verify", STAFF),
			// The contact-point counter.
			page("/counter", EnumSet.of(Caller.COUNTER, Caller.DISPATCHER)),
			api("GET /api/counter/nearby", "/api/counter/nearby?category=NOISE&lat=51.53&lon=6.93",
					EnumSet.of(Caller.COUNTER, Caller.DISPATCHER)),
			api("POST /api/counter/reports", "/api/counter/reports", EnumSet.of(Caller.COUNTER, Caller.DISPATCHER)),
			// The directory of partner services and referrals to them.
			page("/directory", EnumSet.of(Caller.COUNTER, Caller.DISPATCHER)),
			api("GET /api/directory/services", "/api/directory/services?topic=FAMILY_COUNSELLING&language=ar",
					EnumSet.of(Caller.COUNTER, Caller.DISPATCHER)),
			api("GET /api/directory/services/{id}", "/api/directory/services/999999",
					EnumSet.of(Caller.COUNTER, Caller.DISPATCHER)),
			api("GET /api/referrals", "/api/referrals", EnumSet.of(Caller.COUNTER, Caller.DISPATCHER)),
			api("POST /api/referrals", "/api/referrals", EnumSet.of(Caller.COUNTER, Caller.DISPATCHER)),
			api("GET /api/incidents/{id}/referrals", "/api/incidents/999999/referrals", EnumSet.of(Caller.DISPATCHER)),
			api("POST /api/incidents/{id}/referrals", "/api/incidents/999999/referrals", EnumSet.of(Caller.DISPATCHER)),
			// Partner organisations: their own referrals only (see
			// ObjectLevelAccessTests).
			page("/partner", EnumSet.of(Caller.PARTNER)),
			api("GET /api/partner/referrals", "/api/partner/referrals", EnumSet.of(Caller.PARTNER)),
			api("GET /api/partner/referrals/{id}", "/api/partner/referrals/999999", EnumSet.of(Caller.PARTNER)),
			api("POST /api/partner/referrals/{id}/accept", "/api/partner/referrals/999999/accept",
					EnumSet.of(Caller.PARTNER)),
			api("POST /api/partner/referrals/{id}/decline", "/api/partner/referrals/999999/decline",
					EnumSet.of(Caller.PARTNER)),
			api("POST /api/partner/referrals/{id}/outcome", "/api/partner/referrals/999999/outcome",
					EnumSet.of(Caller.PARTNER)),
			api("POST /api/partner/referrals/{id}/notes", "/api/partner/referrals/999999/notes",
					EnumSet.of(Caller.PARTNER)),
			api("POST /api/counter/reports/{code}/photos", "/api/counter/reports/ABCD-EFGH-JKMN/photos",
					EnumSet.of(Caller.COUNTER, Caller.DISPATCHER)),
			// Photos: leads and the field teams on the incident; leads hide them.
			api("GET /api/photos", "/api/photos?incident=999999", EnumSet.of(Caller.DISPATCHER, Caller.FIELD)),
			api("GET /api/photos/{id}", "/api/photos/999999", EnumSet.of(Caller.DISPATCHER, Caller.FIELD)),
			api("GET /api/photos/{id}/thumbnail", "/api/photos/999999/thumbnail",
					EnumSet.of(Caller.DISPATCHER, Caller.FIELD)),
			api("POST /api/photos/{id}/hidden", "/api/photos/999999/hidden", EnumSet.of(Caller.DISPATCHER)),
			// The team leads' board.
			page("/board", EnumSet.of(Caller.DISPATCHER)),
			api("GET /api/board/snapshot", "/api/board/snapshot", EnumSet.of(Caller.DISPATCHER)),
			api("GET /api/incidents/{id}", "/api/incidents/999999", EnumSet.of(Caller.DISPATCHER)),
			api("GET /api/incidents/{id}/proposals", "/api/incidents/999999/proposals", EnumSet.of(Caller.DISPATCHER)),
			api("POST /api/incidents/{id}/assignments", "/api/incidents/999999/assignments",
					EnumSet.of(Caller.DISPATCHER)),
			api("POST /api/incidents/{id}/assignments/{assignmentId}", "/api/incidents/999999/assignments/999999",
					EnumSet.of(Caller.DISPATCHER)),
			api("POST /api/incidents/{id}/decision", "/api/incidents/999999/decision", EnumSet.of(Caller.DISPATCHER)),
			api("POST /api/incidents/{id}/priority", "/api/incidents/999999/priority", EnumSet.of(Caller.DISPATCHER)),
			api("POST /api/incidents/{id}/notes", "/api/incidents/999999/notes", EnumSet.of(Caller.DISPATCHER)),
			api("POST /api/incidents/{id}/merge", "/api/incidents/999999/merge", EnumSet.of(Caller.DISPATCHER)),
			api("POST /api/incidents/{id}/decision/undo", "/api/incidents/999999/decision/undo",
					EnumSet.of(Caller.DISPATCHER)),
			api("GET /api/incidents/search", "/api/incidents/search?q=x", EnumSet.of(Caller.DISPATCHER)),
			api("POST /api/incidents/search", "/api/incidents/search", EnumSet.of(Caller.DISPATCHER)),
			api("GET /api/incidents/handover", "/api/incidents/handover", EnumSet.of(Caller.DISPATCHER)),
			api("GET /api/incidents/{id}/public-messages", "/api/incidents/999999/public-messages",
					EnumSet.of(Caller.DISPATCHER)),
			api("POST /api/incidents/{id}/public-messages", "/api/incidents/999999/public-messages",
					EnumSet.of(Caller.DISPATCHER)),
			api("GET /api/incidents/reports/{reportId}/contact",
					"/api/incidents/reports/999999/contact?purpose=CALLBACK", EnumSet.of(Caller.DISPATCHER)),
			api("POST /api/routing/dry-run", "/api/routing/dry-run", EnumSet.of(Caller.DISPATCHER, Caller.ADMIN)),
			api("GET /ws/board", "/ws/board", EnumSet.of(Caller.DISPATCHER, Caller.FIELD)),
			// Field teams.
			page("/field", EnumSet.of(Caller.FIELD)),
			api("GET /api/field/assignments", "/api/field/assignments", EnumSet.of(Caller.FIELD)),
			api("GET /api/field/stream-position", "/api/field/stream-position", EnumSet.of(Caller.FIELD)),
			api("POST /api/field/assignments/{id}", "/api/field/assignments/999999", EnumSet.of(Caller.FIELD)),
			api("POST /api/field/assignments/{id}/photos", "/api/field/assignments/999999/photos",
					EnumSet.of(Caller.FIELD)),
			api("POST /api/field/team/status", "/api/field/team/status", EnumSet.of(Caller.FIELD)),
			api("POST /api/field/check-in", "/api/field/check-in", EnumSet.of(Caller.FIELD)),
			api("POST /api/field/help", "/api/field/help", EnumSet.of(Caller.FIELD)),
			api("POST /api/board/teams/{teamId}/alarm/end", "/api/board/teams/999999/alarm/end",
					EnumSet.of(Caller.DISPATCHER)),
			// The field app's service worker and manifest: the app shell, never data.
			page("/field-sw.js", EVERYONE), page("/field.webmanifest", EVERYONE),
			api("GET /api/field/reports/{reportId}/contact", "/api/field/reports/999999/contact?purpose=CALLBACK",
					EnumSet.of(Caller.FIELD)),
			// Statistics.
			page("/stats", EnumSet.of(Caller.ANALYST, Caller.ADMIN)),
			api("GET /api/stats/summary", "/api/stats/summary", EnumSet.of(Caller.ANALYST, Caller.ADMIN)),
			api("GET /api/stats/reports.csv", "/api/stats/reports.csv", EnumSet.of(Caller.ANALYST, Caller.ADMIN)),
			api("GET /api/stats/grid", "/api/stats/grid", EnumSet.of(Caller.ANALYST, Caller.ADMIN)),
			api("GET /api/stats/referrals", "/api/stats/referrals", EnumSet.of(Caller.ANALYST, Caller.ADMIN)),
			// Administration.
			api("GET /api/admin/contact-points", "/api/admin/contact-points", EnumSet.of(Caller.ADMIN)),
			api("POST /api/admin/contact-points", "/api/admin/contact-points", EnumSet.of(Caller.ADMIN)),
			api("PUT /api/admin/contact-points/{id}", "/api/admin/contact-points/999999", EnumSet.of(Caller.ADMIN)),
			api("GET /api/admin/categories", "/api/admin/categories", EnumSet.of(Caller.ADMIN)),
			api("POST /api/admin/categories", "/api/admin/categories", EnumSet.of(Caller.ADMIN)),
			api("PUT /api/admin/categories/{code}", "/api/admin/categories/NOPE", EnumSet.of(Caller.ADMIN)),
			api("GET /api/admin/teams", "/api/admin/teams", EnumSet.of(Caller.ADMIN)),
			api("POST /api/admin/teams", "/api/admin/teams", EnumSet.of(Caller.ADMIN)),
			api("PUT /api/admin/teams/{id}", "/api/admin/teams/999999", EnumSet.of(Caller.ADMIN)),
			api("GET /api/admin/team-types", "/api/admin/team-types", EnumSet.of(Caller.ADMIN)),
			api("PUT /api/admin/team-types/{code}/field-settings", "/api/admin/team-types/NOPE/field-settings",
					EnumSet.of(Caller.ADMIN)),
			page("/admin", EnumSet.of(Caller.ADMIN)),
			api("GET /api/admin/reference", "/api/admin/reference", EnumSet.of(Caller.ADMIN)),
			api("GET /api/admin/users", "/api/admin/users", EnumSet.of(Caller.ADMIN)),
			api("POST /api/admin/users", "/api/admin/users", EnumSet.of(Caller.ADMIN)),
			api("GET /api/admin/users/{id}", "/api/admin/users/999999", EnumSet.of(Caller.ADMIN)),
			api("PUT /api/admin/users/{id}", "/api/admin/users/999999", EnumSet.of(Caller.ADMIN)),
			api("PUT /api/admin/users/{id}/password", "/api/admin/users/999999/password", EnumSet.of(Caller.ADMIN)),
			api("GET /api/admin/users/{id}/second-factor", "/api/admin/users/999999/second-factor",
					EnumSet.of(Caller.ADMIN)),
			api("DELETE /api/admin/users/{id}/second-factor", "/api/admin/users/999999/second-factor",
					EnumSet.of(Caller.ADMIN)),
			api("POST /api/admin/privacy/export", "/api/admin/privacy/export", EnumSet.of(Caller.ADMIN)),
			api("POST /api/admin/privacy/erase", "/api/admin/privacy/erase", EnumSet.of(Caller.ADMIN)),
			api("POST /api/admin/privacy/referrals/export", "/api/admin/privacy/referrals/export",
					EnumSet.of(Caller.ADMIN)),
			api("POST /api/admin/privacy/referrals/erase", "/api/admin/privacy/referrals/erase",
					EnumSet.of(Caller.ADMIN)),
			api("POST /api/admin/retention/run", "/api/admin/retention/run", EnumSet.of(Caller.ADMIN)),
			api("GET /api/admin/audit", "/api/admin/audit", EnumSet.of(Caller.ADMIN)),
			api("POST /api/admin/audit/search", "/api/admin/audit/search", EnumSet.of(Caller.ADMIN)),
			api("POST /api/admin/quarters/import", "/api/admin/quarters/import", EnumSet.of(Caller.ADMIN)),
			api("POST /api/admin/addresses/import", "/api/admin/addresses/import", EnumSet.of(Caller.ADMIN)),
			api("GET /api/admin/partners", "/api/admin/partners", EnumSet.of(Caller.ADMIN)),
			api("POST /api/admin/partners", "/api/admin/partners", EnumSet.of(Caller.ADMIN)),
			api("PUT /api/admin/partners/{id}", "/api/admin/partners/999999", EnumSet.of(Caller.ADMIN)),
			api("GET /api/admin/partners/services", "/api/admin/partners/services", EnumSet.of(Caller.ADMIN)),
			api("POST /api/admin/partners/{id}/services", "/api/admin/partners/999999/services",
					EnumSet.of(Caller.ADMIN)),
			api("PUT /api/admin/partners/services/{serviceId}", "/api/admin/partners/services/999999",
					EnumSet.of(Caller.ADMIN)),
			api("PUT /api/admin/partners/members/{userId}", "/api/admin/partners/members/999999",
					EnumSet.of(Caller.ADMIN)),
			api("GET /api/routing/rules", "/api/routing/rules", EnumSet.of(Caller.ADMIN)),
			api("POST /api/routing/rules", "/api/routing/rules", EnumSet.of(Caller.ADMIN)),
			api("PUT /api/routing/rules/{id}", "/api/routing/rules/999999", EnumSet.of(Caller.ADMIN)),
			api("DELETE /api/routing/rules/{id}", "/api/routing/rules/999999?version=0", EnumSet.of(Caller.ADMIN)),
			api("PUT /api/routing/rules/order", "/api/routing/rules/order", EnumSet.of(Caller.ADMIN)),
			api("GET /api/routing/rules/changes", "/api/routing/rules/changes", EnumSet.of(Caller.ADMIN)),
			api("GET /api/admin/open311/keys", "/api/admin/open311/keys", EnumSet.of(Caller.ADMIN)),
			api("POST /api/admin/open311/keys", "/api/admin/open311/keys", EnumSet.of(Caller.ADMIN)),
			api("DELETE /api/admin/open311/keys/{id}", "/api/admin/open311/keys/999999", EnumSet.of(Caller.ADMIN)),
			api("GET /api/admin/webhooks", "/api/admin/webhooks", EnumSet.of(Caller.ADMIN)),
			api("POST /api/admin/webhooks", "/api/admin/webhooks", EnumSet.of(Caller.ADMIN)),
			api("PUT /api/admin/webhooks/{id}", "/api/admin/webhooks/999999", EnumSet.of(Caller.ADMIN)),
			api("DELETE /api/admin/webhooks/{id}", "/api/admin/webhooks/999999", EnumSet.of(Caller.ADMIN)),
			// Operations: metrics need the metrics token, health is public, the rest is
			// closed.
			api("GET /actuator/health", "/actuator/health", EVERYONE),
			api("GET /actuator/prometheus", "/actuator/prometheus", Set.of()),
			api("GET /api/no-such-endpoint", "/api/no-such-endpoint", Set.of()));

	/** Any status but 401 and 403. */
	private static final int ALLOWED = -1;

	private static final Map<Caller, String> sessions = new ConcurrentHashMap<>();

	private static String notEnrolled;

	@Autowired
	private WebTestClient client;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlers;

	@Test
	void everyEndpointAnswersEachRoleAsIntended() {
		List<String> mismatches = new ArrayList<>();
		for (Endpoint endpoint : ENDPOINTS) {
			for (Caller caller : Caller.values()) {
				int expected = expected(endpoint, caller);
				int status = call(endpoint, caller);
				boolean met = (expected == ALLOWED) ? status != 401 && status != 403 : status == expected;
				if (!met) {
					mismatches.add(endpoint.name() + " as " + caller + ": "
							+ ((expected == ALLOWED) ? "allowed" : expected) + " expected, got " + status);
				}
			}
		}
		assertThat(mismatches).isEmpty();
	}

	private static int expected(Endpoint endpoint, Caller caller) {
		if (endpoint.allowed().contains(caller)) {
			return endpoint.page() ? 200 : ALLOWED;
		}
		if (endpoint.page()) {
			return 303;
		}
		return (caller == Caller.ANONYMOUS) ? 401 : 403;
	}

	/**
	 * An address no rule names: a browser gets a page that says where to go next (404),
	 * whoever asks; an API client still gets the refusal in problem details.
	 */
	@Test
	void anUnknownAddressIsAPageThatSaysWhereToGoForABrowserAndARefusalForAnApiClient() {
		for (Caller caller : EnumSet.of(Caller.ANONYMOUS, Caller.COUNTER, Caller.ADMIN)) {
			for (String path : new String[] { "/gibtsnicht", "/status/ABCD/extra", "/mail-stop" }) {
				EntityExchangeResult<String> page = asked(path, "text/html,application/xhtml+xml,*/*;q=0.8", caller);
				assertThat(page.getStatus().value()).as(path + " as " + caller).isEqualTo(404);
				assertThat(page.getResponseHeaders().getContentType()).isEqualTo(MediaType.TEXT_HTML);
				assertThat(page.getResponseBody()).contains("not-found-page.js");
			}
			int refused = (caller == Caller.ANONYMOUS) ? 401 : 403;
			assertThat(asked("/gibtsnicht", "application/json", caller).getStatus().value()).isEqualTo(refused);
			assertThat(asked("/gibtsnicht", "*/*", caller).getStatus().value()).isEqualTo(refused);
			assertThat(asked("/api/gibtsnicht", "text/html", caller).getStatus().value()).isEqualTo(refused);
		}
	}

	private EntityExchangeResult<String> asked(String path, String accept, Caller caller) {
		WebTestClient.RequestHeadersSpec<?> request = this.client.get().uri(path).header("Accept", accept);
		if (caller != Caller.ANONYMOUS) {
			request.cookie("QD_SESSION",
					sessions.computeIfAbsent(caller, (who) -> StaffLogin.sessionToken(this.client, who.username)));
		}
		return request.exchange().expectBody(String.class).returnResult();
	}

	@Test
	void everyEndpointOfTheApplicationHasARowInTheMatrix() {
		Set<String> mapped = new TreeSet<>();
		this.handlers.getHandlerMethods().keySet().forEach((mapping) -> {
			Set<?> methods = mapping.getMethodsCondition().getMethods();
			mapping.getPatternsCondition()
				.getPatterns()
				.forEach((pattern) -> methods
					.forEach((method) -> mapped.add(method + " " + pattern.getPatternString())));
		});
		Set<String> covered = new TreeSet<>();
		ENDPOINTS.forEach((endpoint) -> covered.add(endpoint.name()));
		assertThat(covered).as("rows for every controller endpoint").containsAll(mapped);
	}

	private int call(Endpoint endpoint, Caller caller) {
		String csrf = StaffLogin.csrfToken(this.client);
		WebTestClient.RequestBodySpec request = this.client.method(endpoint.method())
			.uri(endpoint.uri())
			.cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf);
		if (caller != Caller.ANONYMOUS) {
			request.cookie("QD_SESSION",
					sessions.computeIfAbsent(caller,
							(who) -> (who == Caller.SECOND_FACTOR_DUE)
									? StaffLogin.passwordOnly(this.client, notEnrolled())
									: StaffLogin.sessionToken(this.client, who.username)));
			if (endpoint.name().equals("POST /api/auth/logout")) {
				// Signing out ends every session of the account: the next row signs in
				// again.
				sessions.remove(caller);
			}
		}
		if (endpoint.method() == HttpMethod.POST || endpoint.method() == HttpMethod.PUT) {
			boolean csv = endpoint.uri().endsWith("/addresses/import");
			request.contentType(csv ? new MediaType("text", "csv") : MediaType.APPLICATION_JSON)
				.bodyValue(csv ? "" : "{}");
		}
		return request.exchange().returnResult(String.class).getStatus().value();
	}

	private static synchronized String notEnrolled() {
		if (notEnrolled == null) {
			notEnrolled = Fixtures.fieldMember(Fixtures.team("KOD", 51.53, 6.93));
		}
		return notEnrolled;
	}

	private static Endpoint page(String path, Set<Caller> allowed) {
		return new Endpoint("GET " + path, path, allowed, true);
	}

	private static Endpoint api(String name, String uri, Set<Caller> allowed) {
		return new Endpoint(name, uri, allowed, false);
	}

	/**
	 * One row: the endpoint as mapped, a request to it and who may make it.
	 *
	 * @param name method and path pattern, as the controllers map it
	 * @param uri a concrete request
	 * @param allowed who gets past the security check
	 * @param page a page (refusal redirects) rather than an API
	 */
	record Endpoint(String name, String uri, Set<Caller> allowed, boolean page) {

		HttpMethod method() {
			return HttpMethod.valueOf(this.name.substring(0, this.name.indexOf(' ')));
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
