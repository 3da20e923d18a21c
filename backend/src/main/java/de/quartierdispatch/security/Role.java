package de.quartierdispatch.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a staff member does, and therefore what they may see.
 */
public enum Role {

	/** Enters walk-ins and phone calls at a contact point. */
	COUNTER,

	/** Team lead: follows incidents on the board and dispatches teams. */
	DISPATCHER,

	/** Member of a field team: sees and updates their own team's assignments. */
	FIELD,

	/** Reads anonymised statistics only. */
	ANALYST,

	/** Manages users, rules and quarters. */
	ADMIN,

	/**
	 * Staff of a partner organisation (city office or free carrier): sees and answers
	 * only referrals to their own organisation.
	 */
	PARTNER;

	public GrantedAuthority authority() {
		return new SimpleGrantedAuthority("ROLE_" + name());
	}

}
