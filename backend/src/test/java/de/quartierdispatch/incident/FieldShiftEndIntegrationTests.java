package de.quartierdispatch.incident;

import java.util.Map;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team's position is kept only for the shift: shared with a step, it is erased when the
 * team goes off duty.
 */
@IntegrationTest
class FieldShiftEndIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void goingOffDutyErasesTheTeamsLastPosition() {
		long team = Fixtures.team("KOD", 51.5259, 6.9129);
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		field.post()
			.uri("/api/field/team/status")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", "BREAK", "position", Map.of("lat", 51.5262, "lon", 6.9133)))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(
				TestDatabase.queryString("SELECT round(ST_Y(last_position)::numeric, 4) FROM team WHERE id = " + team))
			.isEqualTo("51.5262");

		field.post()
			.uri("/api/field/team/status")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", "OFF_DUTY"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.team.lat")
			.doesNotExist();

		assertThat(TestDatabase.queryLong("SELECT count(*) FROM team WHERE id = " + team
				+ " AND last_position IS NULL AND last_position_at IS NULL"))
			.isOne();
	}

}
