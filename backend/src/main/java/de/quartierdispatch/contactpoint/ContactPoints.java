package de.quartierdispatch.contactpoint;

import java.util.Arrays;

import de.quartierdispatch.system.SqlParameters;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The contact points, read for everyone and kept by administrators.
 */
@Repository
class ContactPoints {

	private static final String SELECT = """
			SELECT id, name, street, house_number, postcode, city, ST_Y(location) AS lat, ST_X(location) AS lon,
			       opening_hours, languages, phone, active
			FROM contact_point""";

	private final DatabaseClient db;

	ContactPoints(DatabaseClient db) {
		this.db = db;
	}

	/** Every contact point, closed ones too (for administrators). */
	Flux<ContactPoint> findAll() {
		return this.db.sql(SELECT + " ORDER BY name").map(ContactPoints::toContactPoint).all();
	}

	/** The contact points open to people at present. */
	Flux<ContactPoint> findActive() {
		return this.db.sql(SELECT + " WHERE active ORDER BY name").map(ContactPoints::toContactPoint).all();
	}

	Mono<ContactPoint> find(long id) {
		return this.db.sql(SELECT + " WHERE id = :id").bind("id", id).map(ContactPoints::toContactPoint).one();
	}

	Mono<Boolean> nameTaken(String name, long id) {
		return this.db
			.sql("SELECT EXISTS (SELECT 1 FROM contact_point WHERE lower(name) = lower(:name) AND id <> :id) AS taken")
			.bind("name", name)
			.bind("id", id)
			.map((row) -> Boolean.TRUE.equals(row.get("taken", Boolean.class)))
			.one();
	}

	Mono<Long> insert(ContactPointRequest point) {
		return bound(
				this.db
					.sql("""
							INSERT INTO contact_point (name, street, house_number, postcode, city, location, opening_hours, languages,
							                           phone, active)
							VALUES (:name, :street, :houseNumber, :postcode, :city, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326),
							        :openingHours, :languages, :phone, :active)
							RETURNING id
							"""),
				point)
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	/** Changes a contact point; returns how many there were with this id (0 or 1). */
	Mono<Long> update(long id, ContactPointRequest point) {
		return bound(this.db.sql("""
				UPDATE contact_point
				SET name = :name, street = :street, house_number = :houseNumber, postcode = :postcode, city = :city,
				    location = ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), opening_hours = :openingHours,
				    languages = :languages, phone = :phone, active = :active
				WHERE id = :id
				""").bind("id", id), point).fetch().rowsUpdated();
	}

	private static DatabaseClient.GenericExecuteSpec bound(DatabaseClient.GenericExecuteSpec spec,
			ContactPointRequest point) {
		return spec.bind("name", point.name())
			.bind("street", point.street())
			.bind("houseNumber", point.houseNumber())
			.bind("postcode", point.postcode())
			.bind("city", point.city())
			.bind("lat", point.lat())
			.bind("lon", point.lon())
			.bind("openingHours", point.openingHours())
			.bind("languages", point.languageList().toArray(String[]::new))
			.bind("phone", SqlParameters.nullable(point.phone(), String.class))
			.bind("active", point.active());
	}

	private static ContactPoint toContactPoint(Readable row) {
		return new ContactPoint(row.get("id", Long.class), row.get("name", String.class),
				row.get("street", String.class), row.get("house_number", String.class),
				row.get("postcode", String.class), row.get("city", String.class), row.get("lat", Double.class),
				row.get("lon", Double.class), row.get("opening_hours", String.class),
				Arrays.asList(row.get("languages", String[].class)), row.get("phone", String.class),
				Boolean.TRUE.equals(row.get("active", Boolean.class)));
	}

}
