package de.quartierdispatch.team;

/**
 * What a team is doing right now.
 */
public enum TeamStatus {

	AVAILABLE, EN_ROUTE, ON_SITE, BREAK, OFF_DUTY

}
