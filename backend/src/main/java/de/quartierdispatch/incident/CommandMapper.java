package de.quartierdispatch.incident;

import de.quartierdispatch.incident.FieldCommands.AssignmentMove;
import de.quartierdispatch.incident.FieldController.FieldMove;
import de.quartierdispatch.incident.IncidentController.MoveAssignment;
import de.quartierdispatch.system.TextNormalizer;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/**
 * Turns what team leads and field members send into the commands that change incidents
 * and assignments, free texts cleaned.
 */
@Mapper(componentModel = "spring", unmappedTargetPolicy = ReportingPolicy.ERROR)
interface CommandMapper {

	/** A lead moves an assignment: no position. */
	@Mapping(target = "position", ignore = true)
	@Mapping(target = "takenAt", ignore = true)
	AssignmentMove move(MoveAssignment request);

	/**
	 * A field member moves their assignment, with where they are if they share it, and
	 * when they took the step if it waited on the phone.
	 */
	AssignmentMove move(FieldMove request);

	default @Nullable String text(@Nullable String text) {
		return TextNormalizer.cleanOrNull(text);
	}

}
