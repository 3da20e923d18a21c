package de.quartierdispatch.privacy;

/**
 * Why a staff member looks at a reporter's contact details. Stated with every look and
 * kept in the audit trail.
 */
enum ContactPurpose {

	/** To call or write back about the report. */
	CALLBACK,

	/** To ask for details needed to handle it. */
	CLARIFY,

	/** To tell the reporter the outcome. */
	OUTCOME,

	/** To answer the reporter's request about their data. */
	DATA_REQUEST

}
