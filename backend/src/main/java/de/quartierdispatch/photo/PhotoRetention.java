package de.quartierdispatch.photo;

import java.util.Map;

import de.quartierdispatch.privacy.RetentionCutoffs;
import de.quartierdispatch.privacy.RetentionStep;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * A team's photo taken after its case was erased: the erasure removed the photos there
 * were then (V80), and a case erased while a team was still out takes photos until it
 * closes (V117). Those go at the next retention run.
 */
@Component
class PhotoRetention implements RetentionStep {

	private static final String ERASE_LATE_PHOTOS = """
			DELETE FROM photo p USING incident i
			WHERE p.incident_id = i.id AND i.redacted_at IS NOT NULL
			""";

	private final DatabaseClient db;

	PhotoRetention(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Map<String, Long>> removeLapsed(RetentionCutoffs cutoffs) {
		return this.db.sql(ERASE_LATE_PHOTOS)
			.fetch()
			.rowsUpdated()
			.map((photos) -> Map.of("photosOfErasedCasesDeleted", photos));
	}

}
