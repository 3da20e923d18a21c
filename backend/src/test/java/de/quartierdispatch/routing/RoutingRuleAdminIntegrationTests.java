package de.quartierdispatch.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators edit the rules; every invalid rule is refused with a 422 that says why,
 * every change is versioned, and incidents record the rule version that routed them.
 */
@IntegrationTest
class RoutingRuleAdminIntegrationTests {

	@Autowired
	private WebTestClient client;

	private WebTestClient admin;

	@BeforeEach
	void signIn() {
		this.admin = StaffLogin.as(this.client, "admin");
	}

	@Test
	void refusesUnknownCategoriesQuartersAndTeamTypesAndEmptyTeamTypes() {
		refused(rule(Map.of("category", "FIREWORKS")), "category", "There is no category FIREWORKS.");
		refused(rule(Map.of("quarterCodes", List.of("15", "Atlantis"))), "quarterCodes",
				"There is no quarter with the code Atlantis.");
		refused(rule(Map.of("teamTypes", List.of("KOD", "SWAT"))), "teamTypes", "There is no team type SWAT.");
		refused(rule(Map.of("teamTypes", List.of())), "teamTypes", "Name at least one team type to send.");
		refused(rule(Map.of("escalateAddTeamType", "SWAT")), "escalateAddTeamType", "There is no team type SWAT.");
		refused(rule(Map.of("timeFrom", "22:00")), "timeTo",
				"Give both the start and the end of the time window, or neither.");
		// Also where a night rule comes first that a whole window could fall under.
		refused(rule(Map.of("category", "NOISE", "quarterCodes", List.of(), "timeFrom", "23:00")), "timeTo",
				"Give both the start and the end of the time window, or neither.");
		refused(rule(Map.of("category", "NOISE", "quarterCodes", List.of(), "timeTo", "05:00")), "timeTo",
				"Give both the start and the end of the time window, or neither.");
		refused(rule(Map.of("timeFrom", "22:00", "timeTo", "22:00")), "timeTo",
				"The time window starts and ends at the same time, so it never matches.");
	}

	@Test
	void refusesARuleThatCouldNeverMatch() {
		// "Vandalismus" matches every vandalism report: a narrower rule asked for after
		// it
		// could never match.
		Map<String, Object> afterVandalism = rule(Map.of("category", "VANDALISM", "quarterCodes", List.of("15")));
		afterVandalism.put("position",
				TestDatabase.queryLong("SELECT position FROM routing_rule WHERE name = 'Vandalismus'") + 1);
		refused(afterVandalism, "position",
				"Rule \"Test rule\" could never match: rule \"Vandalismus\" comes first and matches every report it would.");
		// Put first, a catch-all for noise would make "Lärm nachts" unreachable.
		Map<String, Object> everyNoise = rule(Map.of("category", "NOISE", "quarterCodes", List.of()));
		everyNoise.put("position", 1);
		refused(everyNoise, "position",
				"Rule \"Lärm nachts\" could never match: rule \"Test rule\" comes first and matches every report it would.");
	}

	@Test
	void aNewRuleWithoutAPositionGoesJustBeforeTheFirstRuleThatWouldHideIt() {
		long vandalism = TestDatabase.queryLong("SELECT id FROM routing_rule WHERE name = 'Vandalismus'");
		int before = (int) TestDatabase.queryLong("SELECT position FROM routing_rule WHERE id = " + vandalism);
		RoutingRule created = create(rule(Map.of("category", "VANDALISM", "quarterCodes", List.of("15"), "name",
				"Vandalismus Stadtmitte " + UUID.randomUUID())));
		try {
			// Before "Vandalismus", or before an earlier rule another test added that
			// would hide it too.
			assertThat(created.position()).isLessThanOrEqualTo(before);
			assertThat(TestDatabase.queryLong("SELECT position FROM routing_rule WHERE id = " + vandalism))
				.isGreaterThan(created.position());
		}
		finally {
			this.admin.delete()
				.uri("/api/routing/rules/{id}?version={version}", created.id(), created.version())
				.exchange()
				.expectStatus()
				.is2xxSuccessful();
		}
	}

	@Test
	void theDefaultRuleCannotBeDeletedOrGivenConditions() {
		long defaultId = TestDatabase.queryLong("SELECT id FROM routing_rule WHERE is_default");
		int version = (int) TestDatabase.queryLong("SELECT version FROM routing_rule WHERE is_default");
		this.admin.delete()
			.uri("/api/routing/rules/{id}?version={version}", defaultId, version)
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("The default rule stays");
		Map<String, Object> withCondition = rule(Map.of("category", "NOISE", "version", version));
		this.admin.put()
			.uri("/api/routing/rules/{id}", defaultId)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(withCondition)
			.exchange()
			.expectStatus()
			.isEqualTo(422);
	}

	@Test
	void everyChangeIsVersionedAndIncidentsRecordTheRuleVersion() {
		Map<String, Object> create = rule(
				Map.of("category", "OTHER", "quarterCodes", List.of("7"), "name", "Other in Fuhlenbrock-Süd"));
		create.put("position", 1);
		RoutingRule created = create(create);
		assertThat(created.version()).isEqualTo(1);
		assertThat(created.position()).isEqualTo(10);
		Map<String, Object> update = new HashMap<>(create);
		update.put("priority", 2);
		update.put("version", 1);
		RoutingRule updated = this.admin.put()
			.uri("/api/routing/rules/{id}", created.id())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(update)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(RoutingRule.class)
			.returnResult()
			.getResponseBody();
		assertThat(updated.version()).isEqualTo(2);
		assertThat(updated.priority()).isEqualTo(2);
		this.admin.put()
			.uri("/api/routing/rules/{id}", created.id())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(update)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.currentVersion")
			.isEqualTo(2);
		assertThat(TestDatabase
			.queryString("SELECT string_agg(action || ':' || rule_version || ':' || changed_by || ':' "
					+ "|| coalesce(before ->> 'priority', '-') || '>' || (after ->> 'priority'), ',' ORDER BY revision) "
					+ "FROM routing_rule_change WHERE rule_id = " + created.id()))
			.isEqualTo("CREATED:1:admin:->3,UPDATED:2:admin:3>2");
		String code = Fixtures.submitReport(this.client, Map.of("category", "OTHER", "description",
				"Etwas anderes im Fuhlenbrock", "location", Map.of("lat", 51.53321, "lon", 6.90422), "language", "de"));
		assertThat(TestDatabase
			.queryString("SELECT i.routing_rule_id || ':' || i.routing_rule_version || ':' || i.priority "
					+ "FROM report r JOIN incident i ON i.id = r.incident_id WHERE r.tracking_code = '" + code + "'"))
			.isEqualTo(created.id() + ":2:2");
		this.admin.delete()
			.uri("/api/routing/rules/{id}?version=2", created.id())
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(TestDatabase.queryString("SELECT action FROM routing_rule_change WHERE rule_id = " + created.id()
				+ " ORDER BY revision DESC LIMIT 1"))
			.isEqualTo("DELETED");
	}

	/**
	 * A rule sent back as it was read stays where it was (positions mean the same both
	 * ways).
	 */
	@Test
	void aRuleSentBackAsReadKeepsItsPlace() {
		List<Map<String, Object>> rules = this.admin.get()
			.uri("/api/routing/rules")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		Map<String, Object> second = rules.get(1);
		String order = "SELECT string_agg(id::text, ',' ORDER BY position) FROM routing_rule";
		String before = TestDatabase.queryString(order);

		this.admin.put()
			.uri("/api/routing/rules/{id}", second.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(second)
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(TestDatabase.queryString(order)).isEqualTo(before);
	}

	@Test
	void onlyAdministratorsEditRules() {
		StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/routing/rules")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(rule(Map.of()))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private RoutingRule create(Map<String, Object> rule) {
		return this.admin.post()
			.uri("/api/routing/rules")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(rule)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(RoutingRule.class)
			.returnResult()
			.getResponseBody();
	}

	private void refused(Map<String, Object> rule, String field, String message) {
		this.admin.post()
			.uri("/api/routing/rules")
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(rule)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(field)
			.jsonPath("$.errors[0].message")
			.isEqualTo(message);
	}

	private static Map<String, Object> rule(Map<String, Object> overrides) {
		Map<String, Object> rule = new HashMap<>();
		rule.put("name", "Test rule");
		rule.put("category", "LITTER");
		rule.put("quarterCodes", List.of("20"));
		rule.put("teamTypes", List.of("KOD"));
		rule.put("priority", 3);
		rule.put("targetMinutes", 120);
		rule.putAll(overrides);
		return rule;
	}

}
