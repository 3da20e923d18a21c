package de.quartierdispatch.photo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

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
 * Photos with a report: what a phone puts into a photo never comes out again, anything
 * that is not a photo is refused without storing anything or costing the report, and only
 * staff on the incident see photos, each look audited.
 */
@IntegrationTest
class PhotoUploadIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void aPhoneJpegComesBackToStaffWithoutAnyMetadataInItsBytes() throws IOException {
		byte[] upload = TellingPhotos.jpegWithMetadata();
		assertThat(TellingPhotos.markers(upload)).contains(0xE1, 0xE2, 0xFE);
		assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains(TellingPhotos.CAMERA_SERIAL, "Exif");
		String code = report();

		upload(code, upload, "image/jpeg").expectStatus().isCreated();
		long photoId = TestDatabase.queryLong("SELECT p.id FROM photo p JOIN report r ON r.id = p.report_id "
				+ "WHERE r.tracking_code = '" + code + "'");

		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		byte[] stored = lead.get()
			.uri("/api/photos/{id}", photoId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_JPEG)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		// Only the encoder's own JFIF header (APP0), tables, frame and scan: no APP1
		// (EXIF, XMP), APP2 (ICC), other APPn or COM segment.
		assertThat(TellingPhotos.markers(stored)).allMatch((marker) -> marker == 0xE0 || marker == 0xDB
				|| marker == 0xC0 || marker == 0xC4 || marker == 0xDA || marker == 0xDD);
		String text = new String(stored, StandardCharsets.ISO_8859_1);
		assertThat(text).doesNotContain("Exif", TellingPhotos.CAMERA_SERIAL, TellingPhotos.CAMERA_MAKE,
				TellingPhotos.XMP_MARK, "ns.adobe.com", "ICC_PROFILE", TellingPhotos.COMMENT);
		assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(640);

		byte[] thumbnail = lead.get()
			.uri("/api/photos/{id}/thumbnail", photoId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail)).getWidth()).isEqualTo(320);
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM audit_log WHERE action IN "
				+ "('PHOTO_VIEWED', 'PHOTO_THUMBNAIL_VIEWED') AND details->>'photo' = '" + photoId + "'"))
			.isEqualTo(2);
	}

	@Test
	void aTextFileNamedJpgIsRefusedNothingIsStoredAndTheReportStays() {
		String code = report();
		byte[] fake = "GIF89a? no: just text pretending to be holiday.jpg".getBytes(StandardCharsets.UTF_8);

		upload(code, fake, "image/jpeg").expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:photo-not-an-image")
			.jsonPath("$.title")
			.isEqualTo("Kein Foto");

		assertThat(photosOf(code)).isZero();
		this.client.get().uri("/api/reports/{code}", code).exchange().expectStatus().isOk();
	}

	@Test
	void aReportCarriesAtMostThreePhotos() {
		String code = report();
		for (int i = 0; i < 3; i++) {
			upload(code, TellingPhotos.plainJpeg(200, 100), "image/jpeg").expectStatus().isCreated();
		}
		upload(code, TellingPhotos.plainJpeg(200, 100), "image/jpeg").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:photo-limit-reached");
		assertThat(photosOf(code)).isEqualTo(3);
	}

	@Test
	void fieldMembersSeeOnlyPhotosOfTheirIncidentsAndNotThoseALeadHid() {
		String code = report();
		long incidentId = TestDatabase.queryLong("SELECT incident_id FROM report WHERE tracking_code = '" + code + "'");
		upload(code, TellingPhotos.plainJpeg(200, 100), "image/jpeg").expectStatus().isCreated();
		long photoId = TestDatabase.queryLong("SELECT p.id FROM photo p JOIN report r ON r.id = p.report_id "
				+ "WHERE r.tracking_code = '" + code + "'");
		long teamId = Fixtures.team("KOD", 51.5423, 6.9681);
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(teamId));
		field.get().uri("/api/photos/{id}", photoId).exchange().expectStatus().isForbidden();

		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		lead.post()
			.uri("/api/incidents/{id}/assignments", incidentId)
			.bodyValue(Map.of("teamId", teamId, "version", Fixtures.incidentVersion(incidentId)))
			.exchange()
			.expectStatus()
			.isOk();
		field.get().uri("/api/photos/{id}", photoId).exchange().expectStatus().isOk();

		lead.post()
			.uri("/api/photos/{id}/hidden", photoId)
			.bodyValue(Map.of("hidden", true))
			.exchange()
			.expectStatus()
			.isNoContent();
		field.get().uri("/api/photos/{id}", photoId).exchange().expectStatus().isNotFound();
		// Hidden or not, a member with nothing to do with the case is refused, and
		// audited.
		StaffLogin.as(this.client, Fixtures.fieldMember(Fixtures.team("KOD", 51.5423, 6.9681)))
			.get()
			.uri("/api/photos/{id}", photoId)
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM audit_log WHERE action = 'PHOTO_READ_REFUSED' "
				+ "AND details->>'photo' = '" + photoId + "'"))
			.as("before the assignment, the hidden photo asked for on the job, a stranger")
			.isEqualTo(3);
		field.get()
			.uri("/api/photos?incident={id}", incidentId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);
		lead.get()
			.uri("/api/photos?incident={id}", incidentId)
			.exchange()
			.expectBody()
			.jsonPath("$[0].hidden")
			.isEqualTo(true);
	}

	@Test
	void photosGoWhenTheirReportIsRedacted() {
		String code = report();
		upload(code, TellingPhotos.plainJpeg(200, 100), "image/jpeg").expectStatus().isCreated();
		TestDatabase.queryLong("WITH r AS (UPDATE report SET description = '', redacted_at = now() "
				+ "WHERE tracking_code = '" + code + "' RETURNING 1) SELECT count(*) FROM r");
		assertThat(photosOf(code)).isZero();
	}

	/**
	 * The form sends a key with every photo: sent again after its answer was lost, the
	 * photo is stored once; the key with other bytes is refused, and another report's
	 * photo under the same key is that report's own.
	 */
	@Test
	void aPhotoSentAgainUnderItsKeyIsStoredOnce() {
		String code = report();
		byte[] photo = TellingPhotos.plainJpeg(320, 240);
		String key = "photo-" + UUID.randomUUID();

		upload(code, photo, "image/jpeg", key).expectStatus().isCreated();
		upload(code, photo, "image/jpeg", key).expectStatus().isOk();
		assertThat(photosOf(code)).isOne();
		// Worded for the resident, not for the field app's staff.
		upload(code, TellingPhotos.plainJpeg(200, 100), "image/jpeg", key).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Diese Übermittlung wurde bereits für ein anderes Foto verwendet. "
					+ "Bitte laden Sie die Seite neu und fügen Sie das Foto erneut hinzu.");
		upload(code, photo, "image/jpeg", "kurz").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Foto nicht zuzuordnen");

		String other = report();
		upload(other, photo, "image/jpeg", key).expectStatus().isCreated();
		assertThat(photosOf(code)).isOne();
		assertThat(photosOf(other)).isOne();
	}

	/**
	 * The counter form sends a key with every photo too: stored once; another staff
	 * member's photo under the same key is their own.
	 */
	@Test
	void aPhotoSentAgainFromTheCounterUnderItsKeyIsStoredOnce() {
		String code = report();
		byte[] photo = TellingPhotos.plainJpeg(320, 240);
		String key = "counter-photo-" + UUID.randomUUID();
		WebTestClient counter = StaffLogin.as(this.client, "counter");
		counterUpload(counter, code, photo, key).expectStatus().isCreated();
		counterUpload(counter, code, photo, key).expectStatus().isOk();
		assertThat(photosOf(code)).isOne();
		counterUpload(counter, code, photo, "kurz").expectStatus().isBadRequest();
		counterUpload(StaffLogin.as(this.client, "dispatcher"), code, photo, key).expectStatus().isCreated();
		assertThat(photosOf(code)).isEqualTo(2);
	}

	private static WebTestClient.ResponseSpec counterUpload(WebTestClient staff, String code, byte[] bytes,
			String key) {
		return staff.post()
			.uri("/api/counter/reports/{code}/photos", code)
			.header("Idempotency-Key", key)
			.contentType(MediaType.IMAGE_JPEG)
			.bodyValue(bytes)
			.exchange();
	}

	private String report() {
		return Fixtures.submitReport(this.client, "LITTER", "Sperrmüll auf dem Gehweg vor dem Haus", 51.5423, 6.9681);
	}

	private WebTestClient.ResponseSpec upload(String code, byte[] bytes, String contentType) {
		return upload(code, bytes, contentType, null);
	}

	private WebTestClient.ResponseSpec upload(String code, byte[] bytes, String contentType, String key) {
		String csrf = StaffLogin.csrfToken(this.client);
		return this.client.post()
			.uri("/api/reports/{code}/photos", code)
			.cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.header("Accept-Language", "de")
			.headers((headers) -> {
				if (key != null) {
					headers.set("Idempotency-Key", key);
				}
			})
			.contentType(MediaType.parseMediaType(contentType))
			.bodyValue(bytes)
			.exchange();
	}

	private static long photosOf(String code) {
		return TestDatabase.queryLong("SELECT count(*) FROM photo p JOIN report r ON r.id = p.report_id "
				+ "WHERE r.tracking_code = '" + code + "'");
	}

}
