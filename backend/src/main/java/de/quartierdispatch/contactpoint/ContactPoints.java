package de.quartierdispatch.contactpoint;

import java.util.Arrays;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The contact points.
 */
@Repository
class ContactPoints {

	private final DatabaseClient db;

	ContactPoints(DatabaseClient db) {
		this.db = db;
	}

	Flux<ContactPoint> findAll() {
		return this.db.sql("""
				SELECT id, name, street, house_number, postcode, city, ST_Y(location) AS lat, ST_X(location) AS lon,
				       opening_hours, languages, phone
				FROM contact_point ORDER BY name
				""").map(ContactPoints::toContactPoint).all();
	}

	private static ContactPoint toContactPoint(Readable row) {
		return new ContactPoint(row.get("id", Long.class), row.get("name", String.class),
				row.get("street", String.class), row.get("house_number", String.class),
				row.get("postcode", String.class), row.get("city", String.class), row.get("lat", Double.class),
				row.get("lon", Double.class), row.get("opening_hours", String.class),
				Arrays.asList(row.get("languages", String[].class)), row.get("phone", String.class));
	}

}
