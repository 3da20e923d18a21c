package de.quartierdispatch.staff;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The administration page's choices as one JSON document (a quarter with a point inside
 * it, where the routing dry run places a report).
 */
@Repository
class ReferenceQueries {

	private static final String REFERENCE = """
			SELECT jsonb_build_object(
			    'teamTypes', coalesce((SELECT jsonb_agg(jsonb_build_object('code', code, 'de', label_de, 'en', label_en)
			                           ORDER BY sort_order) FROM team_type), '[]'),
			    'teams', coalesce((SELECT jsonb_agg(jsonb_build_object('id', id, 'name', name, 'teamType', team_type, 'active', active)
			                       ORDER BY team_type, name) FROM team), '[]'),
			    'quarters', coalesce((SELECT jsonb_agg(jsonb_build_object('code', code, 'name', name,
			                                 'lat', round(ST_Y(ST_PointOnSurface(geom))::numeric, 6),
			                                 'lon', round(ST_X(ST_PointOnSurface(geom))::numeric, 6)) ORDER BY name)
			                          FROM quarter), '[]'),
			    'contactPoints', coalesce((SELECT jsonb_agg(jsonb_build_object('id', id, 'name', name) ORDER BY name)
			                               FROM contact_point), '[]'))::text AS reference
			""";

	private final DatabaseClient db;

	ReferenceQueries(DatabaseClient db) {
		this.db = db;
	}

	Mono<String> reference() {
		return this.db.sql(REFERENCE).map((row) -> row.get("reference", String.class)).one();
	}

}
