package de.quartierdispatch.geo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

import de.quartierdispatch.geo.QuarterImportReport.FeatureNote;
import de.quartierdispatch.system.MapProperties;
import de.quartierdispatch.system.SqlParameters;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Imports quarters from a GeoJSON FeatureCollection. The whole file is one transaction:
 * every feature is read and checked into a staging table first, and only a file without
 * rejected features is applied, as upserts by code, so that importing the same file twice
 * changes nothing.
 */
@Service
public class QuarterImporter {

	private static final String CREATE_STAGING = """
			CREATE TEMPORARY TABLE quarter_import (
			    number      int PRIMARY KEY,
			    code        text,
			    name        text,
			    geom        geometry,
			    problem     text,
			    repair_note text
			) ON COMMIT DROP
			""";

	private static final String STAGE = """
			INSERT INTO quarter_import (number, code, name, geom, problem, repair_note)
			SELECT :number, :code, :name, checked.geom, coalesce(:problem, checked.problem), checked.repair_note
			FROM check_quarter_geometry(:geometry, :repair) AS checked
			""";

	private static final String PROBLEMS = """
			SELECT number, code, name, problem FROM quarter_import WHERE problem IS NOT NULL
			UNION ALL
			-- Across the 180th meridian a ring is read the long way round the globe.
			SELECT number, code, name, 'the boundary spans more than half the longitudes of the globe'
			FROM quarter_import
			WHERE problem IS NULL AND geom IS NOT NULL AND ST_XMax(geom) - ST_XMin(geom) > 180
			UNION ALL
			SELECT number, code, name, 'the positions seem to be latitude, longitude; GeoJSON has longitude first'
			FROM quarter_import
			WHERE problem IS NULL AND geom IS NOT NULL
			  AND ST_DWithin(ST_FlipCoordinates(geom), ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), :degrees)
			  AND NOT ST_DWithin(geom, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), :degrees)
			UNION ALL
			SELECT number, code, name, 'the code appears more than once in the file'
			FROM (SELECT number, code, name, problem, count(*) OVER (PARTITION BY code) AS uses
			      FROM quarter_import WHERE code IS NOT NULL) AS coded
			WHERE uses > 1 AND problem IS NULL
			ORDER BY number
			""";

	private static final String REPAIRS = """
			SELECT number, code, name, repair_note AS problem FROM quarter_import
			WHERE repair_note IS NOT NULL AND problem IS NULL
			ORDER BY number
			""";

	private static final String APPLY = """
			WITH written AS (
			    INSERT INTO quarter (code, name, geom, source)
			    SELECT code, name, geom, :source FROM quarter_import
			    ON CONFLICT (code) DO UPDATE
			        SET name = EXCLUDED.name, geom = EXCLUDED.geom, source = EXCLUDED.source, updated_at = now()
			        WHERE quarter.name IS DISTINCT FROM EXCLUDED.name
			           OR ST_AsEWKB(quarter.geom) IS DISTINCT FROM ST_AsEWKB(EXCLUDED.geom)
			    RETURNING (xmax = 0) AS created
			)
			SELECT count(*) FILTER (WHERE created) AS created, count(*) FILTER (WHERE NOT created) AS updated
			FROM written
			""";

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	/**
	 * How near the city's map centre a boundary must come, flipped, to be taken for one
	 * with its axes swapped (about 70 to 110 km): a city's quarters lie well within it,
	 * and the same file read the right way round lies far out at sea or in Africa.
	 */
	private static final double SWAPPED_WITHIN_DEGREES = 1.0;

	private final JsonMapper json;

	private final MapProperties map;

	QuarterImporter(DatabaseClient db, TransactionalOperator transactions, JsonMapper json, MapProperties map) {
		this.db = db;
		this.transactions = transactions;
		this.json = json;
		this.map = map;
	}

	/**
	 * Imports a file without reporting progress.
	 */
	public Mono<QuarterImportReport> importFile(Resource file, String source, QuarterImportOptions options) {
		return importFile(file, source, options, (progress) -> {
		});
	}

	/**
	 * Imports a file; {@code progress} hears about every feature read (features so far,
	 * bytes read of the file's size). A file with rejected features ends in
	 * {@link QuarterImportRejectedException} and leaves the quarters as they were.
	 */
	public Mono<QuarterImportReport> importFile(Resource file, String source, QuarterImportOptions options,
			Consumer<QuarterImportProgress> progress) {
		Mono<QuarterImportReport> work = Mono.defer(this::createStaging)
			.then(Mono.defer(() -> stageAll(file, options, progress)))
			.flatMap((features) -> decide(source, features));
		return this.transactions.transactional(work)
			.onErrorResume((failure) -> QuarterImportRefusals.rejected(source, failure));
	}

	private Mono<Void> createStaging() {
		return this.db.sql(QuarterImportRefusals.STATEMENT_TIMEOUT).then().then(this.db.sql(CREATE_STAGING).then());
	}

	private Mono<Integer> stageAll(Resource file, QuarterImportOptions options,
			Consumer<QuarterImportProgress> progress) {
		long size = sizeOf(file);
		return features(file).concatMap((read) -> stage(read.feature(), options).thenReturn(read))
			.doOnNext((read) -> progress
				.accept(new QuarterImportProgress(read.feature().number(), read.bytesRead(), size)))
			.count()
			.map(Long::intValue)
			.doOnNext((features) -> progress.accept(new QuarterImportProgress(features, size, size)));
	}

	private Flux<ReadFeature> features(Resource file) {
		Flux<ReadFeature> features = Flux.using(() -> open(file), (reader) -> Flux.generate((sink) -> {
			GeoJsonFeature feature = reader.next();
			if (feature == null) {
				sink.complete();
			}
			else {
				sink.next(new ReadFeature(feature, reader.bytesRead()));
			}
		}), GeoJsonFeatureReader::close);
		return features.subscribeOn(Schedulers.boundedElastic());
	}

	private GeoJsonFeatureReader open(Resource file) throws IOException {
		return new GeoJsonFeatureReader(this.json, file.getInputStream());
	}

	private Mono<Void> stage(GeoJsonFeature feature, QuarterImportOptions options) {
		String code = feature.text(options.codeProperty());
		String name = feature.text(options.nameProperty());
		String problem = QuarterFeatureChecks.problemOutsideGeometry(feature, options, code, name);
		return this.db.sql(STAGE)
			.bind("number", feature.number())
			.bind("code", SqlParameters.nullable(code, String.class))
			.bind("name", SqlParameters.nullable(name, String.class))
			.bind("problem", SqlParameters.nullable(problem, String.class))
			.bind("geometry", SqlParameters.nullable(feature.geometry(), String.class))
			.bind("repair", options.repair())
			.then()
			.onErrorMap(QuarterImportRefusals::outOfTime,
					(failure) -> QuarterImportRefusals.tooComplex(feature.number(), code, name));
	}

	private Mono<QuarterImportReport> decide(String source, int features) {
		Mono<List<FeatureNote>> problems = notes(this.db.sql(PROBLEMS)
			.bind("lon", this.map.centerLon())
			.bind("lat", this.map.centerLat())
			.bind("degrees", SWAPPED_WITHIN_DEGREES));
		Mono<List<FeatureNote>> repairs = notes(this.db.sql(REPAIRS));
		return Mono.zip(problems, repairs).flatMap((found) -> {
			List<FeatureNote> rejected = found.getT1();
			if (features == 0) {
				rejected = List.of(new FeatureNote(null, null, null, "the file contains no features"));
			}
			if (!rejected.isEmpty()) {
				QuarterImportReport report = QuarterImportReport.rejected(source, features, found.getT2(), rejected);
				return Mono.error(new QuarterImportRejectedException(report));
			}
			return apply(source, features, found.getT2());
		});
	}

	private Mono<QuarterImportReport> apply(String source, int features, List<FeatureNote> repaired) {
		return this.db.sql(APPLY).bind("source", source).map((row) -> {
			int created = row.get("created", Long.class).intValue();
			int updated = row.get("updated", Long.class).intValue();
			return new QuarterImportReport(source, features, created, updated, features - created - updated, repaired,
					List.of());
		}).one();
	}

	private Mono<List<FeatureNote>> notes(DatabaseClient.GenericExecuteSpec query) {
		return query.map(QuarterImporter::toNote).all().collectList();
	}

	private static FeatureNote toNote(Readable row) {
		return new FeatureNote(row.get("number", Integer.class), row.get("code", String.class),
				row.get("name", String.class), row.get("problem", String.class));
	}

	private static long sizeOf(Resource file) {
		try {
			return file.contentLength();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record ReadFeature(GeoJsonFeature feature, long bytesRead) {
	}

}
