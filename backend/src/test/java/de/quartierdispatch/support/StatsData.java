package de.quartierdispatch.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Reports and their incidents written straight into the test database, at times of a
 * test's own choosing: statistics are about the past, and a period of its own keeps a
 * test apart from every other test's data in the shared database.
 */
public final class StatsData {

	private static final String INCIDENT = """
			INSERT INTO incident (category_code, quarter_id, location, state, priority, deadline, outcome, closed_at,
			                      on_site_at, created_at, updated_at)
			SELECT ?::text, q.id, ST_Translate(ST_PointOnSurface(q.geom), ?::float8, 0), ?::text, 2, ?::timestamptz, ?::text,
			       ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz
			FROM quarter q WHERE q.code = ?::text
			RETURNING id
			""";

	private static final String REPORT = """
			INSERT INTO report (tracking_code, incident_id, channel, category_code, description, language, location,
			                    quarter_id, submitted_at)
			SELECT 'STAT-' || i.id, i.id, ?::text, i.category_code, 'Statistiktest', 'de', i.location, i.quarter_id, i.created_at
			FROM incident i WHERE i.id = ?
			""";

	private StatsData() {
	}

	/**
	 * The code of the first quarter of the demo city that is no bigger than a quarter.
	 */
	public static String quarter(int index) {
		return TestDatabase
			.queryString("SELECT code FROM quarter WHERE area_m2 < 5e6 ORDER BY code OFFSET " + index + " LIMIT 1");
	}

	/**
	 * One report with its own incident, in a quarter (at its inner point, moved east by
	 * {@code eastDegrees}); closed {@code closedAfter} and reached on site
	 * {@code onSiteAfter} after it came in, if given, with a target of {@code target}.
	 */
	public static void report(String quarter, double eastDegrees, String category, String channel, OffsetDateTime at,
			@Nullable Duration target, @Nullable Duration onSiteAfter, @Nullable Duration closedAfter) {
		try (Connection db = TestDatabase.connectToTestDatabase();
				PreparedStatement incident = db.prepareStatement(INCIDENT);
				PreparedStatement report = db.prepareStatement(REPORT)) {
			incident.setString(1, category);
			incident.setDouble(2, eastDegrees);
			incident.setString(3, (closedAfter != null) ? "RESOLVED" : "OPEN");
			incident.setObject(4, (target != null) ? at.plus(target) : null);
			incident.setString(5, (closedAfter != null) ? "RESOLVED" : null);
			incident.setObject(6, (closedAfter != null) ? at.plus(closedAfter) : null);
			incident.setObject(7, (onSiteAfter != null) ? at.plus(onSiteAfter) : null);
			incident.setObject(8, at);
			incident.setObject(9, at);
			incident.setString(10, quarter);
			long id;
			try (var rows = incident.executeQuery()) {
				rows.next();
				id = rows.getLong(1);
			}
			report.setString(1, channel);
			report.setLong(2, id);
			report.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
