package de.quartierdispatch.partner;

/**
 * What a partner service helps with. Referrals are counted by it in the statistics.
 */
public enum Topic {

	/** Erziehungs- und Familienberatung. */
	FAMILY_COUNSELLING,

	/** Frühe Hilfen: families with babies and small children. */
	EARLY_HELP,

	/** Mediation of neighbour conflicts. */
	MEDIATION,

	/** Schuldner- und Energieberatung. */
	DEBT_COUNSELLING,

	/** Sucht- und Drogenberatung. */
	ADDICTION_HELP,

	/** Migrationsberatung, integration, asylum and residence questions. */
	MIGRATION_COUNSELLING,

	/** Kindergarten places, school enrolment, learning support. */
	SCHOOL_AND_CHILDCARE,

	/** Jobs, training, Jobcenter questions. */
	JOBS,

	/** Housing, threatened loss of a home. */
	HOUSING,

	/** Youth work and youth counselling. */
	YOUTH,

	/** Older people and care. */
	SENIORS,

	/** Health and mental health. */
	HEALTH

}
