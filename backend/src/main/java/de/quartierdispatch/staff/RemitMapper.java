package de.quartierdispatch.staff;

import de.quartierdispatch.staff.StaffRequests.Change;
import de.quartierdispatch.staff.StaffRequests.NewMember;
import de.quartierdispatch.staff.StaffRequests.Remit;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/**
 * What an account may do and where, taken from what an administrator sends.
 */
@Mapper(componentModel = "spring", unmappedTargetPolicy = ReportingPolicy.ERROR)
interface RemitMapper {

	@Mapping(target = "enabled", constant = "true")
	Remit remit(NewMember request);

	Remit remit(Change request);

}
