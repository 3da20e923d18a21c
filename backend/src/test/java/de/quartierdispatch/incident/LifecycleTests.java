package de.quartierdispatch.incident;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pair of states, legal or not, for incidents and for assignments.
 */
class LifecycleTests {

	private static final Set<List<IncidentState>> LEGAL_FOR_LEADS = Set.of(
			List.of(IncidentState.OPEN, IncidentState.REFERRED), List.of(IncidentState.OPEN, IncidentState.CLOSED),
			List.of(IncidentState.DISPATCHED, IncidentState.RESOLVED),
			List.of(IncidentState.DISPATCHED, IncidentState.REFERRED),
			List.of(IncidentState.DISPATCHED, IncidentState.CLOSED),
			List.of(IncidentState.ON_SITE, IncidentState.RESOLVED),
			List.of(IncidentState.ON_SITE, IncidentState.REFERRED),
			List.of(IncidentState.ON_SITE, IncidentState.CLOSED));

	private static final Set<List<AssignmentState>> LEGAL_FOR_ASSIGNMENTS = Set.of(
			List.of(AssignmentState.ASSIGNED, AssignmentState.EN_ROUTE),
			List.of(AssignmentState.ASSIGNED, AssignmentState.ON_SITE),
			List.of(AssignmentState.ASSIGNED, AssignmentState.DECLINED),
			List.of(AssignmentState.EN_ROUTE, AssignmentState.ON_SITE),
			List.of(AssignmentState.EN_ROUTE, AssignmentState.DECLINED),
			List.of(AssignmentState.ON_SITE, AssignmentState.DONE));

	static Stream<Arguments> incidentPairs() {
		return EnumSet.allOf(IncidentState.class)
			.stream()
			.flatMap((from) -> EnumSet.allOf(IncidentState.class).stream().map((to) -> Arguments.of(from, to)));
	}

	static Stream<Arguments> assignmentPairs() {
		return EnumSet.allOf(AssignmentState.class)
			.stream()
			.flatMap((from) -> EnumSet.allOf(AssignmentState.class).stream().map((to) -> Arguments.of(from, to)));
	}

	@ParameterizedTest(name = "lead: {0} → {1}")
	@MethodSource("incidentPairs")
	void leadsMayOnlyEndActiveIncidents(IncidentState from, IncidentState to) {
		assertThat(Lifecycle.leadMay(from, to)).isEqualTo(LEGAL_FOR_LEADS.contains(List.of(from, to)));
	}

	@ParameterizedTest(name = "assignment: {0} → {1}")
	@MethodSource("assignmentPairs")
	void assignmentsMoveForwardOnly(AssignmentState from, AssignmentState to) {
		assertThat(Lifecycle.assignmentMay(from, to)).isEqualTo(LEGAL_FOR_ASSIGNMENTS.contains(List.of(from, to)));
	}

	@Test
	void onlyActiveIncidentsAcceptTeams() {
		assertThat(EnumSet.allOf(IncidentState.class).stream().filter(Lifecycle::acceptsTeams))
			.containsExactlyInAnyOrder(IncidentState.OPEN, IncidentState.DISPATCHED, IncidentState.ON_SITE);
	}

	@Test
	void theIncidentFollowsItsAssignmentsWhereThatIsUnambiguous() {
		assertThat(Lifecycle.followAssignments(IncidentState.OPEN, List.of(AssignmentState.ASSIGNED)))
			.isEqualTo(IncidentState.DISPATCHED);
		assertThat(Lifecycle.followAssignments(IncidentState.DISPATCHED,
				List.of(AssignmentState.ASSIGNED, AssignmentState.EN_ROUTE)))
			.isEqualTo(IncidentState.DISPATCHED);
		assertThat(Lifecycle.followAssignments(IncidentState.DISPATCHED,
				List.of(AssignmentState.EN_ROUTE, AssignmentState.ON_SITE)))
			.isEqualTo(IncidentState.ON_SITE);
		assertThat(Lifecycle.followAssignments(IncidentState.ON_SITE,
				List.of(AssignmentState.DONE, AssignmentState.ASSIGNED)))
			.isEqualTo(IncidentState.ON_SITE);
		assertThat(Lifecycle.followAssignments(IncidentState.DISPATCHED, List.of(AssignmentState.DECLINED)))
			.isEqualTo(IncidentState.OPEN);
		assertThat(Lifecycle.followAssignments(IncidentState.DISPATCHED,
				List.of(AssignmentState.DECLINED, AssignmentState.DECLINED)))
			.isEqualTo(IncidentState.OPEN);
		assertThat(Lifecycle.followAssignments(IncidentState.ON_SITE, List.of(AssignmentState.DONE)))
			.as("done, outcome for the lead to decide")
			.isEqualTo(IncidentState.ON_SITE);
		assertThat(Lifecycle.followAssignments(IncidentState.OPEN, List.of())).isEqualTo(IncidentState.OPEN);
		assertThat(Lifecycle.followAssignments(IncidentState.RESOLVED, List.of(AssignmentState.ASSIGNED)))
			.as("ended incidents stay ended")
			.isEqualTo(IncidentState.RESOLVED);
	}

}
