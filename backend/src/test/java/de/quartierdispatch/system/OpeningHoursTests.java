package de.quartierdispatch.system;

import java.time.DayOfWeek;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Opening hours in the OpenStreetMap syntax the services use: open now, open later today,
 * and what is not understood.
 */
class OpeningHoursTests {

	private static final OpeningHours CARITAS = OpeningHours.parse("Mo-Th 09:00-17:00; Fr 09:00-13:00");

	/** 2027-03-02 is a Tuesday. */
	private static LocalDateTime tuesday(int hour, int minute) {
		return LocalDateTime.of(2027, 3, 2, hour, minute);
	}

	@Test
	void isOpenFromTheFirstMinuteUntilJustBeforeClosing() {
		assertThat(CARITAS.openAt(tuesday(8, 59))).isFalse();
		assertThat(CARITAS.openAt(tuesday(9, 0))).isTrue();
		assertThat(CARITAS.openAt(tuesday(16, 59))).isTrue();
		assertThat(CARITAS.openAt(tuesday(17, 0))).isFalse();
	}

	@Test
	void isStillOpenTodayBeforeTheLastSpanEnds() {
		assertThat(CARITAS.openLaterOrNow(tuesday(7, 0))).isTrue();
		assertThat(CARITAS.openLaterOrNow(tuesday(16, 59))).isTrue();
		assertThat(CARITAS.openLaterOrNow(tuesday(17, 0))).isFalse();
	}

	@Test
	void readsDayListsRangesAcrossTheWeekendAndSeveralSpans() {
		OpeningHours hours = OpeningHours.parse("Mo,We 10:00-12:00,14:00-18:00; Sa-Mo 08:00-24:00");
		assertThat(hours.openOn(DayOfWeek.TUESDAY)).isFalse();
		assertThat(hours.openOn(DayOfWeek.SUNDAY)).isTrue();
		assertThat(hours.openAt(LocalDateTime.of(2027, 3, 3, 13, 0))).isFalse();
		assertThat(hours.openAt(LocalDateTime.of(2027, 3, 3, 14, 30))).isTrue();
		assertThat(hours.openAt(LocalDateTime.of(2027, 3, 7, 23, 59))).isTrue();
	}

	/** A range over the whole week, however it starts, is every day. */
	@Test
	void aRangeOfAllSevenDaysIsEveryDay() {
		for (String week : new String[] { "Mo-Su", "Tu-Mo", "Su-Sa", "Mo-So" }) {
			OpeningHours hours = OpeningHours.parse(week + " 00:00-24:00");
			for (DayOfWeek day : DayOfWeek.values()) {
				assertThat(hours.openOn(day)).as(week + " on " + day).isTrue();
			}
			assertThat(hours.openAt(tuesday(3, 0))).as(week).isTrue();
		}
		assertThat(OpeningHours.parse("Fr-Mo 10:00-12:00").openOn(DayOfWeek.WEDNESDAY)).isFalse();
	}

	/**
	 * A German administrator writes Di, Mi, Do and So; the hours are stored in OSM's
	 * codes.
	 */
	@Test
	void readsGermanWeekdaysAndStoresThemInOpenStreetMapCodes() {
		OpeningHours hours = OpeningHours.parse("Mo-Do 09:00-16:00; Fr 09:00-13:00; So 10:00-12:00");
		assertThat(hours.openAt(LocalDateTime.of(2027, 3, 4, 15, 0))).as("a Thursday").isTrue();
		assertThat(hours.openOn(DayOfWeek.SUNDAY)).isTrue();
		assertThat(hours.openOn(DayOfWeek.SATURDAY)).isFalse();
		assertThat(OpeningHours.normalized("mo-do 09:00-16:00; Di,mi 18:00-20:00; sa-so 10:00-12:00"))
			.isEqualTo("Mo-Th 09:00-16:00; Tu,We 18:00-20:00; Sa-Su 10:00-12:00");
		assertThat(OpeningHours.normalized("Tu,Th 09:00-12:00")).isEqualTo("Tu,Th 09:00-12:00");
		assertThat(OpeningHours.normalized("Montag bis Freitag")).isEqualTo("Montag bis Freitag");
		assertThat(OpeningHours.valid("Mo-Xy 09:00-12:00")).isFalse();
	}

	@Test
	void refusesWhatItDoesNotUnderstand() {
		assertThatIllegalArgumentException().isThrownBy(() -> OpeningHours.parse("24/7"));
		assertThatIllegalArgumentException().isThrownBy(() -> OpeningHours.parse("Mo 18:00-09:00"));
		assertThatIllegalArgumentException().isThrownBy(() -> OpeningHours.parse("Mo 09:00-25:00"));
		assertThatIllegalArgumentException().isThrownBy(() -> OpeningHours.parse(""));
		assertThat(OpeningHours.valid("Tu,Th 09:00-12:00,13:00-16:00")).isTrue();
	}

}
