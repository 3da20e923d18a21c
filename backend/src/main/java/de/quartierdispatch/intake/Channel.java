package de.quartierdispatch.intake;

/**
 * How a report reached us.
 */
enum Channel {

	/** The residents' web form. */
	WEB,

	/** In person at a contact point. */
	WALK_IN,

	/** By phone, entered by staff. */
	PHONE,

	/** By e-mail, entered by staff. */
	EMAIL,

	/** From a partner app through the Open311 GeoReport v2 interface. */
	OPEN311

}
