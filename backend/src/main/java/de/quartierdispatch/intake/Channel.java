package de.quartierdispatch.intake;

/**
 * How a report reached us.
 */
public enum Channel {

	/** The residents' web form. */
	WEB,

	/** In person at a contact point. */
	WALK_IN,

	/** By phone, entered by staff. */
	PHONE,

	/** By e-mail, entered by staff. */
	EMAIL

}
