package de.quartierdispatch.privacy;

import de.quartierdispatch.privacy.ContactDetailsAccess.Contact;
import de.quartierdispatch.privacy.ContactDetailsAccess.Found;
import org.mapstruct.Mapper;
import org.mapstruct.ReportingPolicy;

/**
 * The contact details shown to staff, without what decided whether they may see them.
 */
@Mapper(componentModel = "spring", unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ContactMapper {

	Contact contact(Found found);

}
