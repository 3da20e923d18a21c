package de.quartierdispatch.team;

import de.quartierdispatch.system.MappingConfiguration;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * Maps stored teams to what the board shows.
 */
@Mapper(config = MappingConfiguration.class)
public interface TeamMapper {

	@Mapping(target = "position", expression = "java(position(team))")
	TeamView toView(Team team);

	default TeamView.@Nullable Position position(Team team) {
		if (team.lat() == null || team.lon() == null || team.positionAt() == null) {
			return null;
		}
		return new TeamView.Position(team.lat(), team.lon(), team.positionAt());
	}

}
