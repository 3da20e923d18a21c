package de.quartierdispatch.geo;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The address gazetteer: "hauptstr 12" finds "Hauptstraße 12". Streets are matched by
 * trigram word similarity ({@code pg_trgm}) on a normalised text, so abbreviations,
 * missing umlauts and small typos still match; a trailing house number then ranks the
 * exact number first, then numbers starting with it, then the nearest. The other way
 * round, a point (a tap on the map) finds its nearest address within a short distance.
 */
@Repository
class Addresses {

	private static final Pattern STREET_AND_NUMBER = Pattern.compile("^(.*?)[\\s,]*(\\d{1,5}\\s?[a-z]?)?$");

	private static final String SEARCH = """
			SELECT street, house_number, postcode, city, ST_Y(location) AS lat, ST_X(location) AS lon
			FROM address
			WHERE normalize_address(:street) <% search_text
			ORDER BY word_similarity(normalize_address(:street), search_text) DESC,
			         lower(house_number) = :number DESC,
			         lower(house_number) LIKE :number || '%' DESC,
			         abs(coalesce(substring(house_number FROM '^\\d+')::int, 0) - :numberValue),
			         street, house_number
			LIMIT :limit
			""";

	private static final String NEAREST = """
			SELECT street, house_number, postcode, city, ST_Y(location) AS lat, ST_X(location) AS lon
			FROM address
			WHERE ST_DWithin(location::geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography, :metres)
			ORDER BY location <-> ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)
			LIMIT 1
			""";

	private final DatabaseClient db;

	Addresses(DatabaseClient db) {
		this.db = db;
	}

	Flux<AddressMatch> search(String query, int limit) {
		Matcher parts = STREET_AND_NUMBER.matcher(query.strip().toLowerCase(Locale.ROOT));
		if (!parts.matches() || parts.group(1).isBlank()) {
			return Flux.empty();
		}
		String number = (parts.group(2) != null) ? parts.group(2).replace(" ", "") : "";
		int numberValue = number.isEmpty() ? 0 : Integer.parseInt(number.replaceAll("\\D", ""));
		return this.db.sql(SEARCH)
			.bind("street", parts.group(1))
			.bind("number", number)
			.bind("numberValue", numberValue)
			.bind("limit", limit)
			.map(Addresses::toMatch)
			.all();
	}

	/** The gazetteer address nearest to a point, if one lies within {@code metres}. */
	Mono<AddressMatch> nearest(GeoPoint point, int metres) {
		return this.db.sql(NEAREST)
			.bind("lat", point.lat())
			.bind("lon", point.lon())
			.bind("metres", metres)
			.map(Addresses::toMatch)
			.one();
	}

	private static AddressMatch toMatch(Readable row) {
		return new AddressMatch(
				row.get("street", String.class) + " " + row.get("house_number", String.class) + ", "
						+ row.get("postcode", String.class) + " " + row.get("city", String.class),
				row.get("lat", Double.class), row.get("lon", Double.class), "gazetteer");
	}

}
