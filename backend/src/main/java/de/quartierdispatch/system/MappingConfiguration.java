package de.quartierdispatch.system;

import org.mapstruct.MapperConfig;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/**
 * Shared settings of every MapStruct mapper: Spring beans, and a build failure when a
 * target property is left unmapped (a new field must be mapped on purpose).
 */
@MapperConfig(componentModel = MappingConstants.ComponentModel.SPRING, unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface MappingConfiguration {

}
