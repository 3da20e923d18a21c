package de.quartierdispatch.referral;

/**
 * What came of a referral, as the partner records it.
 */
enum Outcome {

	/** An appointment was made (the referral stays open until the help is given). */
	APPOINTMENT(false),

	/** Help was given. */
	HELPED(true),

	/** The person could not be reached. */
	NOT_REACHED(true),

	/** Not the partner's field: they say where to turn instead. */
	NOT_RESPONSIBLE(true);

	private final boolean closes;

	Outcome(boolean closes) {
		this.closes = closes;
	}

	boolean closes() {
		return this.closes;
	}

}
