package de.quartierdispatch.bench;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Random points inside the city's quarters, every quarter equally likely, so that reports
 * spread over the whole city. PostGIS draws them ({@code ST_GeneratePoints}) from the
 * very geometries the application geotags with, so every point lies in a quarter.
 */
final class QuarterPoints {

	private static final int PER_QUARTER = 200;

	private final List<List<double[]>> quarters;

	private QuarterPoints(List<List<double[]>> quarters) {
		this.quarters = quarters;
	}

	static QuarterPoints of(BenchDatabase db) throws SQLException {
		Map<Long, List<double[]>> byQuarter = new LinkedHashMap<>();
		String points = """
				SELECT q.id, ST_X(p.geom), ST_Y(p.geom)
				FROM quarter q, ST_Dump(ST_GeneratePoints(q.geom, %d, 4711)) AS p
				WHERE NOT EXISTS (SELECT 1 FROM quarter inner_area
				                  WHERE inner_area.id <> q.id AND ST_Within(inner_area.geom, q.geom))
				""".formatted(PER_QUARTER);
		db.query(points, (row) -> byQuarter.computeIfAbsent(row.getLong(1), (id) -> new ArrayList<>())
			.add(new double[] { row.getDouble(2), row.getDouble(3) }));
		if (byQuarter.isEmpty()) {
			throw new IllegalStateException("The database holds no quarters");
		}
		return new QuarterPoints(List.copyOf(byQuarter.values()));
	}

	int quarters() {
		return this.quarters.size();
	}

	/** {@code [lon, lat]} inside a random quarter. */
	double[] next(RandomGenerator random) {
		List<double[]> points = this.quarters.get(random.nextInt(this.quarters.size()));
		return points.get(random.nextInt(points.size()));
	}

}
