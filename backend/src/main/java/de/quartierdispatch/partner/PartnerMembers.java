package de.quartierdispatch.partner;

import de.quartierdispatch.security.Role;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Which partner organisation a signed-in partner account acts for. An account with the
 * PARTNER role but no organisation, or one whose organisation was set inactive, sees
 * nothing and may do nothing.
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
		return this.organisations.membershipOf(member.userId())
			.switchIfEmpty(Mono.error(NoOrganisationException::new))
			.flatMap((membership) -> membership.active() ? Mono.just(membership.organisation())
					: Mono.error(new OrganisationInactiveException()));
	}

	/**
	 * A member of an organisation that no longer works with the city: its referrals, with
	 * the people's contact details, are no longer theirs to read.
	 */
	static class OrganisationInactiveException extends ProblemException {

		OrganisationInactiveException() {
			super(HttpStatus.FORBIDDEN, "partner-organisation-inactive");
		}

	}

	/** A partner account that belongs to no organisation (yet). */
	static class NoOrganisationException extends ProblemException {

		NoOrganisationException() {
			super(HttpStatus.FORBIDDEN, "no-partner-organisation");
		}

	}

}
