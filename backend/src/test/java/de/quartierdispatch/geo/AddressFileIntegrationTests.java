package de.quartierdispatch.geo;

import java.nio.charset.StandardCharsets;
import java.util.List;

import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An address file as an administrator uploads it: rows that cannot be used are skipped
 * and listed by line and reason; a file that cannot be read at all is refused whole, with
 * why in the administrator's language, and nothing of it is imported.
 */
@IntegrationTest
class AddressFileIntegrationTests {

	private static final String HEADER = "STN;HNR;ADZ;PLZ;ONM;EAST;NORTH\n";

	@Autowired
	private WebTestClient client;

	@Test
	void rowsThatCannotBeUsedAreListedByLineAndReason() {
		String file = HEADER + "Prüfgasse;1;;46236;Bottrop;355551.57;5709778.76\n"
				+ ";2;;46236;Bottrop;355551;5709778\n" + "Prüfgasse;3;;46236;Bottrop;ost;nord\n"
				+ "Prüfgasse;4;;46236;Bottrop;1e12;5709778\n";

		upload(file).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rows")
			.isEqualTo(4)
			.jsonPath("$.imported")
			.isEqualTo(1)
			.jsonPath("$.rejectedCount")
			.isEqualTo(3)
			.jsonPath("$.rejected[*].line")
			.isEqualTo(List.of(3, 4, 5))
			.jsonPath("$.rejected[*].reason")
			.isEqualTo(List.of("empty", "not-numbers", "out-of-range"));
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM address WHERE street = 'Prüfgasse'")).isOne();
	}

	/**
	 * A spreadsheet's byte order mark before the header is no part of the first column's
	 * name; a street that shows nothing is empty, and control characters go.
	 */
	@Test
	void aByteOrderMarkIsReadAndInvisibleStreetsAreEmpty() {
		String file = "\uFEFF" + HEADER + "Markgasse\u0007;1;;46236;Bottrop;355551.57;5709778.76\n"
				+ "\u200b;2;;46236;Bottrop;355551;5709778\n";
		upload(file).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.imported")
			.isEqualTo(1)
			.jsonPath("$.rejected[*].reason")
			.isEqualTo(List.of("empty"));
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM address WHERE street = 'Markgasse'")).isOne();
	}

	@Test
	void aFileThatCannotBeReadIsRefusedWholeInTheAdministratorsLanguage() {
		refused(HEADER + "Irrweg;1;;46236;Bottrop;355551;5709778\nIrrweg;\"2;;46236;Bottrop;355551;5709778\n",
				"quoting-broken", "in Zeile 3 ist ein Anführungszeichen nicht geschlossen");
		refused(HEADER + "Irrweg;1;;46236;Bottrop;355551;5709778\nIrrweg;1;;46236;Bottrop;355552;5709779\n", "repeated",
				"Zeile 3 enthält dieselbe Adresse wie Zeile 2");
		refused(HEADER + "Irrweg;1\u0000a;;46236;Bottrop;355551;5709778\n", "unstorable", "Zeile 2, Spalte 2");
		refused("STN;STN;HNR;ADZ;PLZ;ONM;EAST;NORTH\nIrrweg;Irrweg;1;;46236;Bottrop;355551;5709778\n", "header-invalid",
				"Kopfzeile nennt eine Spalte zweimal");
		refused("STN;HNR\nIrrweg;1\n", "columns-missing", "ihr fehlen die Spalte(n) PLZ, ONM, EAST, NORTH");

		assertThat(TestDatabase.queryLong("SELECT count(*) FROM address WHERE street = 'Irrweg'")).isZero();
	}

	/**
	 * Hauskoordinaten files often come in Latin-1: read as UTF-8 their umlauts would be
	 * stored as replacement characters. Named, they are read in it; unnamed, refused.
	 */
	@Test
	void aFileInAnotherCharacterSetIsReadWhenItsUploadNamesIt() {
		byte[] latin1 = (HEADER + "Fußweg;7;;46236;Bottrop;355551;5709778\n").getBytes(StandardCharsets.ISO_8859_1);
		upload(latin1, "text/csv").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.reason")
			.isEqualTo("other-charset")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("kein UTF-8-Text"));
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM address WHERE street LIKE 'Fu%weg'")).isZero();
		// Also when the very first byte is foreign: a UTF-16 file's byte order mark, as a
		// spreadsheet's "Unicode text" begins (a 500 before).
		upload(("\uFEFF" + HEADER).getBytes(StandardCharsets.UTF_16LE), "text/csv").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.reason")
			.isEqualTo("other-charset");
		upload(new byte[] { (byte) 0xff, 'S', 'T', 'N' }, "text/csv").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.reason")
			.isEqualTo("other-charset");

		upload(latin1, "text/csv; charset=ISO-8859-1").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.imported")
			.isEqualTo(1);
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM address WHERE street = 'Fußweg'")).isOne();
	}

	/**
	 * Coordinates that land off the map once converted (a file read in the wrong
	 * reference system, numbers no projection gives) are refused with the file, naming
	 * the line, and nothing is stored; numbers only in a spreadsheet's spellings.
	 */
	@Test
	void coordinatesThatLandFarFromTheCityAreRefusedWithTheFile() {
		refused(HEADER + "Fernweg;1;;46236;Bottrop;355551;5709778\nFernweg;2;;80331;München;691000;5334000\n",
				"off-the-map", "Zeile 3 liegt im Bezugssystem EPSG:25832 weit ab von den Quartieren der Stadt");
		StaffLogin.as(this.client, "admin")
			.post()
			.uri("/api/admin/addresses/import?srid=4230")
			.header("Content-Type", "text/csv")
			.header("Accept-Language", "de")
			.bodyValue((HEADER + "Fernweg;3;;46236;Bottrop;500;500\n").getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.reason")
			.isEqualTo("off-the-map")
			.jsonPath("$.detail")
			.isEqualTo("Die Datei kann nicht gelesen werden: Zeile 2 liegt im Bezugssystem EPSG:4230 weit ab von den "
					+ "Quartieren der Stadt (ist das das Bezugssystem der Datei?).");
		// In English, the apostrophes as written and the reference system named.
		StaffLogin.as(this.client, "admin")
			.post()
			.uri("/api/admin/addresses/import?srid=4230")
			.header("Content-Type", "text/csv")
			.header("Accept-Language", "en")
			.bodyValue((HEADER + "Fernweg;3;;46236;Bottrop;500;500\n").getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The file cannot be read: line 2 lands far from the city's quarters in the reference system "
					+ "EPSG:4230 (is that the file's system?).");
		upload(HEADER + "Fernweg;4;;46236;Bottrop;355551d;5709778\nFernweg;5;;46236;Bottrop;0x1p3;5709778\n")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rejected[*].reason")
			.isEqualTo(List.of("not-numbers", "not-numbers"));
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM address WHERE street = 'Fernweg'")).isZero();
	}

	private void refused(String file, String reason, String inDetail) {
		upload(file).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.reason")
			.isEqualTo(reason)
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).startsWith("Die Datei kann nicht gelesen werden: ")
				.contains(inDetail));
	}

	private WebTestClient.ResponseSpec upload(String file) {
		return upload(file.getBytes(StandardCharsets.UTF_8), "text/csv");
	}

	private WebTestClient.ResponseSpec upload(byte[] file, String type) {
		return StaffLogin.as(this.client, "admin")
			.post()
			.uri("/api/admin/addresses/import")
			.header("Content-Type", type)
			.header("Accept-Language", "de")
			.bodyValue(file)
			.exchange();
	}

}
