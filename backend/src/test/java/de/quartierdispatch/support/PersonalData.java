package de.quartierdispatch.support;

import java.util.List;

/**
 * Residents' personal data as the tests submit it: the log check
 * (PersonalDataInLogsIntegrationTests) makes sure none of it ever appears in the
 * application's log.
 */
public final class PersonalData {

	public static final String NAME = "Leyla Demirci";

	public static final String EMAIL = "leyla.demirci@example.org";

	public static final String PHONE = "0176 4455 6677";

	public static final String OTHER_NAME = "Petro Kovalenko";

	public static final String OTHER_EMAIL = "p.kovalenko@example.net";

	public static final String OTHER_PHONE = "+49 2041 70 33 12";

	private PersonalData() {
	}

	/** Every e-mail address and phone number the tests submit. */
	public static List<String> emailsAndPhones() {
		return List.of(EMAIL, PHONE, OTHER_EMAIL, OTHER_PHONE, "0201 123456");
	}

}
