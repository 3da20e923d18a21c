package de.quartierdispatch.partner;

import de.quartierdispatch.system.SqlParameters;
import de.quartierdispatch.system.TextNormalizer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Partner organisations and which staff accounts belong to them.
 */
@Repository
class PartnerOrganisations {

	/** Everything the admin page shows, as one JSON document. */
	private static final String OVERVIEW = """
			SELECT jsonb_build_object(
			    'organisations', (SELECT coalesce(jsonb_agg(jsonb_build_object(
			        'id', o.id, 'name', o.name, 'kind', o.kind, 'phone', o.phone, 'email', o.email,
			        'website', o.website, 'active', o.active) ORDER BY o.name), '[]')
			        FROM partner_organisation o),
			    'accounts', (SELECT coalesce(jsonb_agg(jsonb_build_object(
			        'userId', u.id, 'username', u.username, 'displayName', u.display_name, 'enabled', u.enabled,
			        'organisationId', m.organisation_id) ORDER BY u.username), '[]')
			        FROM staff_user u LEFT JOIN partner_member m ON m.user_id = u.id
			        WHERE 'PARTNER' = ANY (u.roles) AND u.removed_at IS NULL)
			)::text AS overview
			""";

	private final DatabaseClient db;

	PartnerOrganisations(DatabaseClient db) {
		this.db = db;
	}

	Mono<String> overview() {
		return this.db.sql(OVERVIEW).map((row) -> row.get("overview", String.class)).one();
	}

	Mono<Boolean> exists(long id) {
		return this.db.sql("SELECT EXISTS (SELECT 1 FROM partner_organisation WHERE id = :id) AS found")
			.bind("id", id)
			.map((row) -> row.get("found", Boolean.class))
			.one();
	}

	Mono<Boolean> nameTaken(String name, long exceptId) {
		return this.db.sql(
				"SELECT EXISTS (SELECT 1 FROM partner_organisation WHERE lower(name) = lower(:name) AND id <> :id) AS taken")
			.bind("name", TextNormalizer.oneLine(name))
			.bind("id", exceptId)
			.map((row) -> row.get("taken", Boolean.class))
			.one();
	}

	Mono<Long> insert(OrganisationRequest organisation) {
		return bind(this.db.sql("""
				INSERT INTO partner_organisation (name, kind, phone, email, website, active)
				VALUES (:name, :kind, :phone, :email, :website, :active)
				RETURNING id
				"""), organisation).map((row) -> row.get("id", Long.class)).one();
	}

	Mono<Long> update(long id, OrganisationRequest organisation) {
		return bind(this.db.sql("""
				UPDATE partner_organisation
				SET name = :name, kind = :kind, phone = :phone, email = :email, website = :website, active = :active
				WHERE id = :id
				""").bind("id", id), organisation).fetch().rowsUpdated();
	}

	/** Whether the account exists and has the PARTNER role. */
	/** Whether the account is a partner's; empty when there is no such account. */
	Mono<Boolean> isPartnerAccount(long userId) {
		return this.db
			.sql("SELECT 'PARTNER' = ANY (roles) AS partner FROM staff_user WHERE id = :id AND removed_at IS NULL")
			.bind("id", userId)
			.map((row) -> Boolean.TRUE.equals(row.get("partner", Boolean.class)))
			.one();
	}

	Mono<Long> bindMember(long userId, @Nullable Long organisationId) {
		if (organisationId == null) {
			return this.db.sql("DELETE FROM partner_member WHERE user_id = :user")
				.bind("user", userId)
				.fetch()
				.rowsUpdated();
		}
		return this.db.sql("""
				INSERT INTO partner_member (user_id, organisation_id) VALUES (:user, :organisation)
				ON CONFLICT (user_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id
				""").bind("user", userId).bind("organisation", organisationId).fetch().rowsUpdated();
	}

	/**
	 * The organisation a partner account belongs to, and whether it works with the city
	 * at present.
	 */
	Mono<Membership> membershipOf(long userId) {
		return this.db.sql("""
				SELECT m.organisation_id, o.active
				FROM partner_member m JOIN partner_organisation o ON o.id = m.organisation_id
				WHERE m.user_id = :user
				""")
			.bind("user", userId)
			.map((row) -> new Membership(row.get("organisation_id", Long.class),
					Boolean.TRUE.equals(row.get("active", Boolean.class))))
			.one();
	}

	private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec,
			OrganisationRequest organisation) {
		return spec.bind("name", TextNormalizer.oneLine(organisation.name()))
			.bind("kind", organisation.kind())
			.bind("phone", SqlParameters.nullable(blankToNull(organisation.phone()), String.class))
			.bind("email", SqlParameters.nullable(blankToNull(organisation.email()), String.class))
			.bind("website", SqlParameters.nullable(blankToNull(organisation.website()), String.class))
			.bind("active", organisation.active());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return TextNormalizer.cleanOrNull(value);
	}

	/**
	 * A partner account's organisation.
	 *
	 * @param organisation the organisation's id
	 * @param active whether it works with the city at present
	 */
	record Membership(long organisation, boolean active) {
	}

}
