package de.quartierdispatch.intake;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import de.quartierdispatch.routing.ReportFlag;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.TextNormalizer;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a channel sent (the public form, the counter, a partner app) into the one
 * shape intake stores: text cleaned, contact details only where given, flags a sender may
 * set.
 */
final class NewReports {

	private NewReports() {
	}

	static NewReport fromPublic(PublicReportRequest request) {
		return new NewReport(Channel.WEB, request.category(), cleanDescription(request.description()),
				request.location().toPoint(), TextNormalizer.cleanOrNull(request.address()), flags(request.flags()),
				cleanContact(request.contact()), request.consent(), request.language(), false, null, null, null,
				List.of(), null);
	}

	static NewReport fromPartner(PartnerReportRequest request, String partnerName) {
		return new NewReport(Channel.OPEN311, request.category(), cleanDescription(request.description()),
				request.location(), TextNormalizer.cleanOrNull(request.address()), flags(request.flags()), null, false,
				request.language(), false, null, null, null, List.of(), partnerName);
	}

	static NewReport fromCounter(CounterReportRequest request, StaffPrincipal staff) {
		ContactDetails contact = cleanContact(request.contact());
		if (contact == null && !request.noContact()) {
			throw new InvalidFieldsException("contact", "contact.required-or-declined");
		}
		if (contact != null && request.noContact()) {
			throw new InvalidFieldsException("noContact", "contact.declined-but-given");
		}
		if (request.channel() == Channel.WEB || request.channel() == Channel.OPEN311) {
			// Those arrive by themselves; staff enter what came in person, by phone or
			// mail.
			throw new InvalidFieldsException("channel", "channel.counter");
		}
		return new NewReport(request.channel(), request.category(), cleanDescription(request.description()),
				request.location().toPoint(), TextNormalizer.cleanOrNull(request.address()), flags(request.flags()),
				contact, request.consent(), request.language(), request.interpreterNeeded(), request.contactPointId(),
				staff.userId(), request.attachToIncident(), staff.quarterScope(), null);
	}

	private static String cleanDescription(String description) {
		String cleaned = TextNormalizer.clean(description);
		return (cleaned != null) ? cleaned : "";
	}

	private static @Nullable ContactDetails cleanContact(@Nullable ContactDetails contact) {
		if (contact == null) {
			return null;
		}
		ContactDetails cleaned = new ContactDetails(TextNormalizer.cleanOrNull(contact.name()),
				TextNormalizer.cleanOrNull(contact.email()), TextNormalizer.cleanOrNull(contact.phone()));
		return cleaned.isEmpty() ? null : cleaned;
	}

	private static Set<ReportFlag> flags(@Nullable Set<ReportFlag> flags) {
		Set<ReportFlag> given = (flags == null || flags.isEmpty()) ? EnumSet.noneOf(ReportFlag.class)
				: EnumSet.copyOf(flags);
		given.remove(ReportFlag.HOTSPOT);
		return given;
	}

}
