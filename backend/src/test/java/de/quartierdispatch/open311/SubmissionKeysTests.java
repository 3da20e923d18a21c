package de.quartierdispatch.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import de.quartierdispatch.open311.PartnerKeys.PartnerKey;
import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionKeysTests {

	private static final PartnerKey APP = new PartnerKey(7, "Mängelmelder", "abc", 600, "admin",
			OffsetDateTime.parse("2026-12-01T08:00:00Z"), null, null, null);

	@Test
	void aRetryAcrossTheEdgeOfAQuarterHourFindsTheFirstSubmissionsKey() {
		SubmissionKeys first = keys("Müll am Spielplatz", Instant.parse("2026-12-06T17:59:57Z"));
		SubmissionKeys retry = keys("Müll am Spielplatz", Instant.parse("2026-12-06T18:00:02Z"));
		assertThat(retry.key()).isNotEqualTo(first.key());
		assertThat(retry.earlier()).isEqualTo(first.key());
		// Within the same quarter hour: the same key.
		assertThat(keys("Müll am Spielplatz", Instant.parse("2026-12-06T18:14:59Z")).key()).isEqualTo(retry.key());
	}

	@Test
	void anotherSubmissionOrTheSameADayLaterHasOtherKeys() {
		SubmissionKeys first = keys("Müll am Spielplatz", Instant.parse("2026-12-06T17:59:57Z"));
		SubmissionKeys other = keys("Müll an der Haltestelle", Instant.parse("2026-12-06T17:59:58Z"));
		SubmissionKeys dayLater = keys("Müll am Spielplatz", Instant.parse("2026-12-07T17:59:57Z"));
		assertThat(other.key()).isNotEqualTo(first.key());
		assertThat(other.earlier()).isNotEqualTo(first.key());
		assertThat(dayLater.key()).isNotEqualTo(first.key());
		assertThat(dayLater.earlier()).isNotEqualTo(first.key());
		assertThat(first.key()).startsWith("open311/7/");
	}

	@Test
	void theAppsOwnKeyIsTheOnlyOne() {
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("description", "Müll am Spielplatz");
		SubmissionKeys own = SubmissionKeys.of(APP, new Open311Parameters(values), Optional.empty(), " app-req-0001 ",
				Instant.parse("2026-12-06T17:59:57Z"));
		assertThat(own.key()).isEqualTo("open311/7/app-req-0001");
		assertThat(own.earlier()).isNull();
	}

	private static SubmissionKeys keys(String description, Instant at) {
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("service_code", "LITTER");
		values.add("description", description);
		values.add("device_id", "bucket-dev");
		return SubmissionKeys.of(APP, new Open311Parameters(values), Optional.empty(), null, at);
	}

}
