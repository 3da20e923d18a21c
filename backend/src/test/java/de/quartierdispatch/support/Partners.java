package de.quartierdispatch.support;

import java.util.UUID;

/**
 * Partner organisations and accounts for the referral tests, set up directly in the test
 * database as an administrator would.
 */
public final class Partners {

	/** The demo partner account's organisation. */
	public static final String CARITAS = "Caritas-Beratungszentrum Bottrop (Demo)";

	/** Another demo organisation. */
	public static final String DIAKONIE = "Diakonie Familien- und Schuldnerhilfe (Demo)";

	private Partners() {
	}

	/** The id of a demo service by name. */
	public static long service(String name) {
		return TestDatabase.queryLong("SELECT id FROM partner_service WHERE name = '" + name + "'");
	}

	/**
	 * A partner account of its own for one test, in the named organisation, with the demo
	 * accounts' password; returns its user name.
	 */
	public static String member(String organisation) {
		String username = unboundMember();
		TestDatabase.queryLong("INSERT INTO partner_member (user_id, organisation_id) SELECT u.id, o.id "
				+ "FROM staff_user u, partner_organisation o WHERE u.username = '" + username + "' AND o.name = '"
				+ organisation + "' RETURNING user_id");
		return username;
	}

	/** A partner account that belongs to no organisation; returns its user name. */
	public static String unboundMember() {
		String username = "partner-" + UUID.randomUUID().toString().substring(0, 8);
		TestDatabase.queryLong("INSERT INTO staff_user (username, display_name, password_hash, roles) " + "SELECT '"
				+ username + "', 'Test Partner " + username + "', password_hash, '{PARTNER}' "
				+ "FROM staff_user WHERE username = 'partner' RETURNING id");
		return username;
	}

}
