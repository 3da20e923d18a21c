package de.quartierdispatch.partner;

import de.quartierdispatch.security.Role;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Which partner organisation a signed-in partner account acts for. An account with the
 * PARTNER role but no organisation sees nothing and may do nothing.
 */
@Service
public class PartnerMembers {

	private final PartnerOrganisations organisations;

	PartnerMembers(PartnerOrganisations organisations) {
		this.organisations = organisations;
	}

	/** The member's organisation, or a 403 when the account belongs to none. */
	public Mono<Long> organisationOf(StaffPrincipal member) {
		if (!member.has(Role.PARTNER)) {
			return Mono.error(NoOrganisationException::new);
		}
		return this.organisations.organisationOf(member.userId())
			.switchIfEmpty(Mono.error(NoOrganisationException::new));
	}

	/** A partner account that belongs to no organisation (yet). */
	static class NoOrganisationException extends ProblemException {

		NoOrganisationException() {
			super(HttpStatus.FORBIDDEN, "no-partner-organisation");
		}

	}

}
