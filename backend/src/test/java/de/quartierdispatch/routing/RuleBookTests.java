package de.quartierdispatch.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import de.quartierdispatch.routing.RuleBook.Recurrence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule book's decisions, without a database: time windows across midnight and across
 * the DST changes of Europe/Berlin, weekdays, flags, quarters, hotspots, the default
 * rule.
 */
class RuleBookTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private final RuleBook book = new RuleBook(List.of(
			rule(1, "Noise on Friday nights", "NOISE", Set.of(), EnumSet.of(DayOfWeek.FRIDAY), "22:00", "06:00",
					Set.of(), List.of("KOD"), 1, 20),
			rule(2, "Noise at night", "NOISE", Set.of(), Set.of(), "22:00", "06:00", Set.of(), List.of("KOD"), 2, 30),
			rule(3, "Youth with aggression", "YOUTH_GROUPS", Set.of(), Set.of(), null, null,
					EnumSet.of(ReportFlag.AGGRESSION), List.of("STREETWORK", "KOD"), 2, 30),
			rule(4, "Youth in Boy", "YOUTH_GROUPS", Set.of("15", "16"), Set.of(), null, null, Set.of(),
					List.of("STREETWORK", "QUARTER_MGMT"), 3, 120),
			rule(5, "Youth", "YOUTH_GROUPS", Set.of(), Set.of(), null, null, Set.of(), List.of("STREETWORK"), 3, 240),
			rule(6, "Default", null, Set.of(), Set.of(), null, null, Set.of(), List.of("CONFLICT_MGMT"), 4, 1440)),
			BERLIN);

	@ParameterizedTest(name = "{0} {1} at {2} → {3}")
	@CsvSource(delimiter = '|', textBlock = """
			NOISE        | -     | 2026-11-20T22:10:00Z | Noise on Friday nights
			NOISE        | -     | 2026-11-21T04:59:00Z | Noise on Friday nights
			NOISE        | -     | 2026-11-21T05:00:00Z | Default
			NOISE        | -     | 2026-11-21T22:30:00Z | Noise at night
			NOISE        | -     | 2026-11-22T10:00:00Z | Default
			NOISE        | -     | 2026-11-23T20:59:00Z | Default
			NOISE        | -     | 2026-11-23T21:00:00Z | Noise at night
			NOISE        | -     | 2026-03-29T03:30:00Z | Noise at night
			NOISE        | -     | 2026-03-29T04:30:00Z | Default
			NOISE        | -     | 2026-10-25T04:30:00Z | Noise at night
			NOISE        | -     | 2026-10-25T05:30:00Z | Default
			NOISE        | -     | 2026-10-24T20:30:00Z | Noise at night
			NOISE        | -     | 2026-10-25T20:30:00Z | Default
			YOUTH_GROUPS | 15    | 2026-11-21T12:00:00Z | Youth in Boy
			YOUTH_GROUPS | 3     | 2026-11-21T12:00:00Z | Youth
			YOUTH_GROUPS | -     | 2026-11-21T12:00:00Z | Youth
			LITTER       | 15    | 2026-11-21T12:00:00Z | Default
			""")
	void choosesTheFirstMatchingRule(String category, String quarter, Instant at, String expected) {
		List<String> quarters = "-".equals(quarter) ? List.of() : List.of(quarter);
		RoutingDecision decision = this.book.decide(new RoutingRequest(category, null, quarters, at, Set.of()), null);
		assertThat(decision.explanation()).contains("\"" + expected + "\"");
	}

	@Test
	void explainsAWindowAcrossMidnight() {
		RoutingDecision decision = this.book.decide(
				new RoutingRequest("NOISE", null, List.of(), Instant.parse("2026-11-21T22:10:00Z"), Set.of()), null);
		assertThat(decision.explanation())
			.isEqualTo("rule \"Noise at night\": category NOISE, 23:10 is inside 22:00–06:00 → KOD, P2, 30 min");
		assertThat(decision.teamTypes()).containsExactly("KOD");
		assertThat(decision.priority()).isEqualTo(2);
		assertThat(decision.deadline(Instant.parse("2026-11-21T22:10:00Z")))
			.isEqualTo(Instant.parse("2026-11-21T22:40:00Z"));
	}

	@Test
	void aNightWindowBelongsToTheDayItStarts() {
		RoutingDecision early = this.book.decide(
				new RoutingRequest("NOISE", null, List.of(), Instant.parse("2026-11-21T01:30:00Z"), Set.of()), null);
		assertThat(early.explanation()).contains("Noise on Friday nights").contains("Friday night");
	}

	@Test
	void flagsSendAMixedTeam() {
		RoutingDecision decision = this.book.decide(new RoutingRequest("YOUTH_GROUPS", null, List.of("15"),
				Instant.parse("2026-11-21T12:00:00Z"), EnumSet.of(ReportFlag.AGGRESSION)), null);
		assertThat(decision.teamTypes()).containsExactly("STREETWORK", "KOD");
		assertThat(decision.explanation()).contains("flag AGGRESSION");
	}

	@Test
	void aHotspotAddsQuarterManagementAndSaysWhy() {
		RoutingDecision decision = this.book.decide(
				new RoutingRequest("YOUTH_GROUPS", 3L, List.of("3"), Instant.parse("2026-11-21T12:00:00Z"), Set.of()),
				new Recurrence(3, "YOUTH_GROUPS", "Mitte-West", 7));
		assertThat(decision.hotspot()).isTrue();
		assertThat(decision.teamTypes()).containsExactly("STREETWORK", "QUARTER_MGMT");
		assertThat(decision.explanation())
			.endsWith("hotspot: 3 YOUTH_GROUPS reports in Mitte-West within 7 days → + QUARTER_MGMT");
	}

	@Test
	void theDefaultRuleCatchesTheRestAndSaysSo() {
		RoutingDecision decision = this.book.decide(
				new RoutingRequest("OTHER", null, List.of(), Instant.parse("2026-11-21T12:00:00Z"), Set.of()), null);
		assertThat(decision.ruleId()).isEqualTo(6);
		assertThat(decision.explanation())
			.isEqualTo("no other rule matched, default rule \"Default\" → CONFLICT_MGMT, P4, 1 d");
	}

	static RoutingRule rule(long id, String name, String category, Set<String> quarters, Set<DayOfWeek> days,
			String from, String to, Set<ReportFlag> flags, List<String> teamTypes, int priority, int minutes) {
		return new RoutingRule(id, (int) id * 10, name, category, quarters, days,
				(from != null) ? LocalTime.parse(from) : null, (to != null) ? LocalTime.parse(to) : null, flags,
				teamTypes, priority, minutes, null, null,
				category == null && quarters.isEmpty() && days.isEmpty() && from == null && flags.isEmpty(), 1);
	}

}
