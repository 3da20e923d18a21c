package de.quartierdispatch.routing;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleShadowingTests {

	@Test
	void aRuleForEveryTimeCoversTheSameRuleAtNight() {
		RoutingRule always = RuleBookTests.rule(1, "Noise", "NOISE", Set.of(), Set.of(), null, null, Set.of(),
				List.of("KOD"), 3, 60);
		RoutingRule night = RuleBookTests.rule(2, "Noise at night", "NOISE", Set.of(), Set.of(), "22:00", "06:00",
				Set.of(), List.of("KOD"), 2, 30);
		assertThat(RuleShadowing.coveredBy(night, List.of(always))).contains(always);
		assertThat(RuleShadowing.coveredBy(always, List.of(night))).isEmpty();
	}

	@Test
	void windowsAcrossMidnightContainOnlyWhatTheyContain() {
		RoutingRule wide = RuleBookTests.rule(1, "Wide", "NOISE", Set.of(), Set.of(), "20:00", "08:00", Set.of(),
				List.of("KOD"), 2, 30);
		RoutingRule inner = RuleBookTests.rule(2, "Inner", "NOISE", Set.of(), Set.of(), "23:00", "05:00", Set.of(),
				List.of("KOD"), 2, 30);
		RoutingRule later = RuleBookTests.rule(3, "Later", "NOISE", Set.of(), Set.of(), "06:00", "09:00", Set.of(),
				List.of("KOD"), 2, 30);
		assertThat(RuleShadowing.covers(wide, inner)).isTrue();
		assertThat(RuleShadowing.covers(wide, later)).isFalse();
		assertThat(RuleShadowing.covers(inner, wide)).isFalse();
	}

	@Test
	void fewerConditionsCoverMore() {
		RoutingRule anyQuarter = RuleBookTests.rule(1, "Youth", "YOUTH_GROUPS", Set.of(), Set.of(), null, null,
				Set.of(), List.of("STREETWORK"), 3, 60);
		RoutingRule boy = RuleBookTests.rule(2, "Youth in Boy", "YOUTH_GROUPS", Set.of("15"), Set.of(), null, null,
				Set.of(), List.of("STREETWORK"), 3, 60);
		RoutingRule aggressive = RuleBookTests.rule(3, "Youth, aggression", "YOUTH_GROUPS", Set.of(), Set.of(), null,
				null, EnumSet.of(ReportFlag.AGGRESSION), List.of("KOD"), 2, 30);
		assertThat(RuleShadowing.covers(anyQuarter, boy)).isTrue();
		assertThat(RuleShadowing.covers(anyQuarter, aggressive)).isTrue();
		assertThat(RuleShadowing.covers(boy, anyQuarter)).isFalse();
		assertThat(RuleShadowing.covers(aggressive, anyQuarter)).isFalse();
	}

	@Test
	void aWeekdayRuleDoesNotCoverANightThatSpillsIntoTheNextDay() {
		RoutingRule fridays = RuleBookTests.rule(1, "Fridays", "NOISE", Set.of(), EnumSet.of(DayOfWeek.FRIDAY), null,
				null, Set.of(), List.of("KOD"), 3, 60);
		RoutingRule fridayNights = RuleBookTests.rule(2, "Friday nights", "NOISE", Set.of(),
				EnumSet.of(DayOfWeek.FRIDAY), "22:00", "06:00", Set.of(), List.of("KOD"), 2, 30);
		assertThat(RuleShadowing.covers(fridays, fridayNights)).isFalse();
	}

	@Test
	void otherCategoriesNeverCover() {
		RoutingRule noise = RuleBookTests.rule(1, "Noise", "NOISE", Set.of(), Set.of(), null, null, Set.of(),
				List.of("KOD"), 3, 60);
		RoutingRule litter = RuleBookTests.rule(2, "Litter", "LITTER", Set.of(), Set.of(), null, null, Set.of(),
				List.of("KOD"), 3, 60);
		assertThat(RuleShadowing.covers(noise, litter)).isFalse();
	}

}
