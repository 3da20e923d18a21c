package de.quartierdispatch.routing;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

/**
 * Turns a rule as an administrator writes it into the rule the rule book checks: name
 * stripped, absent sets empty, collections immutable.
 */
@Mapper(componentModel = "spring", unmappedTargetPolicy = ReportingPolicy.ERROR)
interface RuleMapper {

	/**
	 * The rule a request describes.
	 * @param request what the administrator sent
	 * @param id the rule's id (0 for a new one)
	 * @param place its position in the rule book
	 * @param isDefault whether it is the default rule
	 * @param revision the version it gets
	 * @return the rule
	 */
	@Mapping(target = "position", source = "place")
	@Mapping(target = "version", source = "revision")
	@Mapping(target = "name", source = "request.name", qualifiedByName = "stripped")
	@Mapping(target = "quarterCodes", source = "request.quarterCodes", qualifiedByName = "codes")
	@Mapping(target = "weekdays", source = "request.weekdays", qualifiedByName = "days")
	@Mapping(target = "requiredFlags", source = "request.requiredFlags", qualifiedByName = "flags")
	@Mapping(target = "teamTypes", source = "request.teamTypes", qualifiedByName = "types")
	RoutingRule toRule(RuleRequest request, long id, int place, boolean isDefault, int revision);

	@Named("stripped")
	default String stripped(String name) {
		return name.strip();
	}

	@Named("codes")
	default Set<String> codes(@Nullable Set<String> codes) {
		return (codes != null) ? Set.copyOf(codes) : Set.of();
	}

	@Named("days")
	default Set<DayOfWeek> days(@Nullable Set<DayOfWeek> days) {
		return (days != null) ? Set.copyOf(days) : Set.of();
	}

	@Named("flags")
	default Set<ReportFlag> flags(@Nullable Set<ReportFlag> flags) {
		return (flags != null) ? Set.copyOf(flags) : Set.of();
	}

	@Named("types")
	default List<String> types(List<String> types) {
		return List.copyOf(types);
	}

}
