package de.quartierdispatch.partner;

import java.util.Arrays;
import java.util.List;

import de.quartierdispatch.system.OpeningHours;
import de.quartierdispatch.system.TextNormalizer;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The services of partner organisations, as stored.
 */
@Repository
class PartnerServices {

	private static final String SELECT = """
			SELECT s.id, s.name, s.organisation_id, o.name AS organisation, o.kind, s.topic, s.target_group,
			       s.languages, s.opening_hours, s.street, s.house_number, s.postcode, s.city, s.how_to_reach,
			       s.quarter_codes, o.phone, o.email, o.website, s.active AND o.active AS active
			FROM partner_service s JOIN partner_organisation o ON o.id = s.organisation_id
			""";

	private static final String SEARCH = SELECT + """
			WHERE s.active AND o.active
			  AND (:topic = '' OR s.topic = :topic)
			  AND (:language = '' OR :language = ANY (s.languages))
			  AND (:quarter = '' OR cardinality(s.quarter_codes) = 0 OR :quarter = ANY (s.quarter_codes))
			ORDER BY s.topic, s.name
			""";

	private final DatabaseClient db;

	PartnerServices(DatabaseClient db) {
		this.db = db;
	}

	Flux<Stored> search(@Nullable Topic topic, @Nullable String language, @Nullable String quarter) {
		return this.db.sql(SEARCH)
			.bind("topic", (topic != null) ? topic.name() : "")
			.bind("language", (language != null) ? language : "")
			.bind("quarter", (quarter != null) ? quarter : "")
			.map(PartnerServices::stored)
			.all();
	}

	Mono<Stored> byId(long id) {
		return this.db.sql(SELECT + " WHERE s.id = :id").bind("id", id).map(PartnerServices::stored).one();
	}

	Flux<Stored> all() {
		return this.db.sql(SELECT + " ORDER BY o.name, s.name").map(PartnerServices::stored).all();
	}

	Mono<Long> insert(long organisationId, ServiceRequest service) {
		return bind(this.db
			.sql("""
					INSERT INTO partner_service (organisation_id, name, topic, target_group, languages, opening_hours, street,
					                             house_number, postcode, city, how_to_reach, quarter_codes, active)
					VALUES (:organisation, :name, :topic, :targetGroup, :languages, :openingHours, :street, :houseNumber,
					        :postcode, :city, :howToReach, :quarters, :active)
					RETURNING id
					""")
			.bind("organisation", organisationId), service).map((row) -> row.get("id", Long.class)).one();
	}

	Mono<Long> update(long id, ServiceRequest service) {
		return bind(this.db.sql("""
				UPDATE partner_service
				SET name = :name, topic = :topic, target_group = :targetGroup, languages = :languages,
				    opening_hours = :openingHours, street = :street, house_number = :houseNumber, postcode = :postcode,
				    city = :city, how_to_reach = :howToReach, quarter_codes = :quarters, active = :active
				WHERE id = :id
				""").bind("id", id), service).fetch().rowsUpdated();
	}

	/** The codes that name no quarter, in order. */
	Mono<List<String>> unknownQuarters(List<String> codes) {
		if (codes.isEmpty()) {
			return Mono.just(List.of());
		}
		return this.db.sql("""
				SELECT ARRAY(SELECT c FROM unnest(:codes::text[]) AS c
				             WHERE NOT EXISTS (SELECT 1 FROM quarter q WHERE q.code = c) ORDER BY c) AS unknown
				""")
			.bind("codes", codes.toArray(String[]::new))
			.map((row) -> List.of(row.get("unknown", String[].class)))
			.one();
	}

	private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec,
			ServiceRequest service) {
		return spec.bind("name", TextNormalizer.oneLine(service.name()))
			.bind("topic", service.topic().name())
			.bind("targetGroup", service.targetGroupOrEmpty())
			.bind("languages", service.languagesOnce().toArray(String[]::new))
			.bind("openingHours", OpeningHours.normalized(service.openingHours().strip()))
			.bind("street", TextNormalizer.oneLine(service.street()))
			.bind("houseNumber", TextNormalizer.oneLine(service.houseNumber()))
			.bind("postcode", service.postcode().strip())
			.bind("city", TextNormalizer.oneLine(service.city()))
			.bind("howToReach", service.howToReachOrEmpty())
			.bind("quarters", service.quartersOrNone().toArray(String[]::new))
			.bind("active", service.active());
	}

	private static Stored stored(Readable row) {
		return new Stored(row.get("id", Long.class), row.get("name", String.class),
				row.get("organisation_id", Long.class), row.get("organisation", String.class),
				row.get("kind", String.class), Topic.valueOf(row.get("topic", String.class)),
				row.get("target_group", String.class), list(row.get("languages", String[].class)),
				row.get("opening_hours", String.class), row.get("street", String.class),
				row.get("house_number", String.class), row.get("postcode", String.class), row.get("city", String.class),
				row.get("how_to_reach", String.class), list(row.get("quarter_codes", String[].class)),
				row.get("phone", String.class), row.get("email", String.class), row.get("website", String.class),
				Boolean.TRUE.equals(row.get("active", Boolean.class)));
	}

	private static List<String> list(String @Nullable [] values) {
		return (values != null) ? Arrays.asList(values) : List.of();
	}

	/** A service row with its organisation. */
	record Stored(long id, String name, long organisationId, String organisation, String organisationKind, Topic topic,
			String targetGroup, List<String> languages, String openingHours, String street, String houseNumber,
			String postcode, String city, String howToReach, List<String> quarters, @Nullable String phone,
			@Nullable String email, @Nullable String website, boolean active) {
	}

}
