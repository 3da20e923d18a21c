package de.quartierdispatch.photo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TellingPhotos;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field team's own photos of its assignment: stored once however often the phone sends
 * them (offline queue), refused for another team's assignment, for a declined one and for
 * anything that is not a photo, and shown to the lead with the reporters' photos.
 */
@IntegrationTest
class FieldPhotoIntegrationTests {

	private static final double LAT = 51.5423;

	private static final double LON = 6.9681;

	@Autowired
	private WebTestClient client;

	@Test
	void aPhotoSentTwiceWithItsKeyIsStoredOnceAndTheLeadSeesIt() {
		long team = Fixtures.team("KOD", LAT, LON);
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		long assignment = assign(incident, team);
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		String key = UUID.randomUUID().toString();
		byte[] photo = TellingPhotos.jpegWithMetadata();

		long first = upload(field, assignment, key, photo).expectStatus()
			.isCreated()
			.expectBody(Receipt.class)
			.returnResult()
			.getResponseBody()
			.id();
		long again = upload(field, assignment, key, photo).expectStatus()
			.isOk()
			.expectBody(Receipt.class)
			.returnResult()
			.getResponseBody()
			.id();

		assertThat(again).isEqualTo(first);
		assertThat(TestDatabase.queryString("SELECT count(*) || ' ' || min(incident_id) || ' ' || min(assignment_id) "
				+ "FROM photo WHERE assignment_id = " + assignment))
			.isEqualTo("1 " + incident + " " + assignment);
		StaffLogin.as(this.client, "dispatcher")
			.get()
			.uri("/api/photos?incident={id}", incident)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].id")
			.isEqualTo(first)
			.jsonPath("$[0].assignmentId")
			.isEqualTo(assignment);
		String stored = new String(field.get()
			.uri("/api/photos/{id}", first)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody(), StandardCharsets.ISO_8859_1);
		assertThat(stored).doesNotContain("Exif", TellingPhotos.CAMERA_SERIAL);
	}

	/**
	 * A look at a team's photo is audited by photo and incident: the reporter's export
	 * and the audit search by tracking code find it all the same.
	 */
	@Test
	void looksAtATeamsPhotoAreInTheReportersExportAndFoundByTrackingCode() {
		long team = Fixtures.team("KOD", LAT, LON);
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		String code = TestDatabase.queryString("SELECT tracking_code FROM report WHERE incident_id = " + incident);
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		long photo = upload(field, assign(incident, team), UUID.randomUUID().toString(),
				TellingPhotos.plainJpeg(40, 30))
			.expectStatus()
			.isCreated()
			.expectBody(Receipt.class)
			.returnResult()
			.getResponseBody()
			.id();
		StaffLogin.as(this.client, "dispatcher")
			.get()
			.uri("/api/photos/{id}/thumbnail", photo)
			.exchange()
			.expectStatus()
			.isOk();

		WebTestClient admin = StaffLogin.as(this.client, "admin");
		admin.post()
			.uri("/api/admin/privacy/export")
			.bodyValue(Map.of("trackingCode", code, "request", "Brief vom 2. Mai"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.photos[0].takenBy")
			.isEqualTo("team")
			.jsonPath("$.accessedBy[?(@.action == 'PHOTO_THUMBNAIL_VIEWED')]")
			.exists();
		admin.post()
			.uri("/api/admin/audit/search")
			.bodyValue(Map.of("trackingCode", code))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.action == 'PHOTO_THUMBNAIL_VIEWED')].details.photo")
			.isEqualTo(List.of((int) photo));
	}

	@Test
	void anotherTeamsAssignmentADeclinedOneAndTextAreRefusedAndNothingIsStored() {
		long team = Fixtures.team("KOD", LAT, LON);
		long otherTeam = Fixtures.team("KOD", LAT, LON);
		long assignment = assign(Fixtures.reportIncident(this.client, "LITTER", LAT, LON), team);
		WebTestClient other = StaffLogin.as(this.client, Fixtures.fieldMember(otherTeam));
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));

		problem(upload(other, assignment, UUID.randomUUID().toString(), TellingPhotos.plainJpeg(200, 100)), 403);
		problem(upload(field, assignment, UUID.randomUUID().toString(), "kein Foto".getBytes(StandardCharsets.UTF_8)),
				415);
		problem(upload(field, assignment, "kurz", TellingPhotos.plainJpeg(200, 100)), 400);
		field.post()
			.uri("/api/field/assignments/{id}", assignment)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("state", "DECLINED", "version", 0, "reason", "Anderer Einsatz"))
			.exchange()
			.expectStatus()
			.isOk();
		problem(upload(field, assignment, UUID.randomUUID().toString(), TellingPhotos.plainJpeg(200, 100)), 409);

		assertThat(TestDatabase.queryLong("SELECT count(*) FROM photo WHERE assignment_id = " + assignment)).isZero();
	}

	@Test
	void aTeamSeesAFinishedJobsPhotosOnlyAsLongAsItsArchiveShowsTheJob() {
		long team = Fixtures.team("KOD", LAT, LON);
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		long assignment = assign(incident, team);
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		long photo = upload(field, assignment, UUID.randomUUID().toString(), TellingPhotos.plainJpeg(200, 100))
			.expectStatus()
			.isCreated()
			.expectBody(Receipt.class)
			.returnResult()
			.getResponseBody()
			.id();
		TestDatabase.queryLong("UPDATE assignment SET state = 'DONE', updated_at = now() - interval '11 hours' "
				+ "WHERE id = " + assignment + " RETURNING id");
		field.get().uri("/api/photos?incident={id}", incident).exchange().expectStatus().isOk();
		field.get().uri("/api/photos/{id}/thumbnail", photo).exchange().expectStatus().isOk();
		// While the job is in the archive, a photo of it can still be added; after, no
		// more.
		upload(field, assignment, UUID.randomUUID().toString(), TellingPhotos.plainJpeg(200, 100)).expectStatus()
			.isCreated();

		TestDatabase.queryLong("UPDATE assignment SET updated_at = now() - interval '13 hours' WHERE id = " + assignment
				+ " RETURNING id");
		problem(upload(field, assignment, UUID.randomUUID().toString(), TellingPhotos.plainJpeg(200, 100)), 409);
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM photo WHERE assignment_id = " + assignment))
			.isEqualTo(2);

		problem(field.get().uri("/api/photos?incident={id}", incident).exchange(), 403);
		problem(field.get().uri("/api/photos/{id}/thumbnail", photo).exchange(), 403);
		problem(field.get().uri("/api/photos/{id}", photo).exchange(), 403);
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM audit_log WHERE action LIKE 'PHOTO%VIEWED' "
				+ "AND details ->> 'photo' = '" + photo + "'"))
			.isEqualTo(1);
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM audit_log WHERE action = 'PHOTO_READ_REFUSED' "
				+ "AND details ->> 'photo' = '" + photo + "'"))
			.as("the refused looks at the images")
			.isEqualTo(2);
	}

	@Test
	void aKeyUsedForAnotherAssignmentIsRefused() {
		long team = Fixtures.team("KOD", LAT, LON);
		long first = assign(Fixtures.reportIncident(this.client, "LITTER", LAT, LON), team);
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		String key = UUID.randomUUID().toString();
		upload(field, first, key, TellingPhotos.plainJpeg(200, 100)).expectStatus().isCreated();
		// An earlier assignment of the same team, finished (a team has one active at a
		// time).
		long second = TestDatabase.queryLong("INSERT INTO assignment (incident_id, team_id, state, assigned_by) "
				+ "SELECT incident_id, team_id, 'DONE', 'test' FROM assignment WHERE id = " + first + " RETURNING id");

		problem(upload(field, second, key, TellingPhotos.plainJpeg(200, 100)), 422);
	}

	@Test
	void uploadsAtOnceStayWithinTheAssignmentsLimit() throws Exception {
		long team = Fixtures.team("KOD", LAT, LON);
		long assignment = assign(Fixtures.reportIncident(this.client, "LITTER", LAT, LON), team);
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		// Eight taken before: two more fit.
		TestDatabase.queryLong("WITH taken AS (INSERT INTO photo (incident_id, assignment_id, uploaded_by, width, "
				+ "height, image, thumbnail, created_at) SELECT incident_id, id, 'test', 1, 1, '\\x00', '\\x00', now() "
				+ "FROM assignment, generate_series(1, 8) WHERE id = " + assignment + " RETURNING 1) "
				+ "SELECT count(*) FROM taken");
		List<Callable<Integer>> uploads = new ArrayList<>();
		for (int photo = 0; photo < 6; photo++) {
			byte[] bytes = TellingPhotos.plainJpeg(100 + photo, 80);
			uploads.add(() -> upload(field, assignment, UUID.randomUUID().toString(), bytes).returnResult(byte[].class)
				.getStatus()
				.value());
		}
		ExecutorService senders = Executors.newFixedThreadPool(uploads.size());
		try {
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> status : senders.invokeAll(uploads)) {
				statuses.add(status.get());
			}
			assertThat(statuses).filteredOn((status) -> status == 201).hasSizeLessThanOrEqualTo(2);
			assertThat(statuses).allMatch((status) -> status == 201 || status == 409 || status == 503);
		}
		finally {
			senders.shutdown();
		}
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM photo WHERE assignment_id = " + assignment))
			.isEqualTo(10);
	}

	@Test
	void aKeySentAgainWithAnotherPhotoIsRefusedAndNothingIsStored() {
		long team = Fixtures.team("KOD", LAT, LON);
		long assignment = assign(Fixtures.reportIncident(this.client, "LITTER", LAT, LON), team);
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		String key = UUID.randomUUID().toString();
		upload(field, assignment, key, TellingPhotos.plainJpeg(200, 100)).expectStatus().isCreated();

		problem(upload(field, assignment, key, TellingPhotos.plainJpeg(120, 160)), 422);
		upload(field, assignment, key, TellingPhotos.plainJpeg(200, 100)).expectStatus().isOk();
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM photo WHERE assignment_id = " + assignment)).isOne();
	}

	private long assign(long incident, long team) {
		StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/incidents/{id}/assignments", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();
		return TestDatabase
			.queryLong("SELECT id FROM assignment WHERE incident_id = " + incident + " AND team_id = " + team);
	}

	private static WebTestClient.ResponseSpec upload(WebTestClient field, long assignment, String key, byte[] bytes) {
		return field.post()
			.uri("/api/field/assignments/{id}/photos", assignment)
			.header("Idempotency-Key", key)
			.header("Accept-Language", "de")
			.contentType(MediaType.IMAGE_JPEG)
			.bodyValue(bytes)
			.exchange();
	}

	private static void problem(WebTestClient.ResponseSpec response, int status) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isNotEmpty();
	}

	record Receipt(long id, int width, int height) {
	}

}
