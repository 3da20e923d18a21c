package de.quartierdispatch.photo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

import de.quartierdispatch.photo.PhotoProcessing.ProcessedPhoto;
import de.quartierdispatch.system.SqlParameters;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Photos in PostgreSQL ({@code photo}): bytes and thumbnail in the row, so that a photo
 * is stored, backed up, redacted and erased together with its report.
 */
@Repository
class PostgresPhotoStore implements PhotoStore {

	private static final String COLUMNS = """
			p.id, coalesce(p.incident_id, r.incident_id) AS incident_id, p.report_id, p.assignment_id, p.width,
			p.height, p.hidden_at IS NOT NULL AS hidden, p.created_at
			""";

	private final DatabaseClient db;

	PostgresPhotoStore(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<PhotoView> save(@Nullable Long reportId, @Nullable Long incidentId, @Nullable Long assignmentId,
			@Nullable UploadKey uploadKey, ProcessedPhoto photo, String uploadedBy, OffsetDateTime at) {
		return this.db
			.sql("""
					WITH saved AS (
					    INSERT INTO photo (report_id, incident_id, assignment_id, upload_key, upload_hash, uploaded_by, width,
					                       height, image, thumbnail, created_at)
					    VALUES (:report, :incident, :assignment, :key, :hash, :by, :width, :height, :image, :thumbnail, :at)
					    ON CONFLICT (upload_key) WHERE upload_key IS NOT NULL DO NOTHING
					    RETURNING *
					)
					SELECT %s FROM saved p LEFT JOIN report r ON r.id = p.report_id
					"""
				.formatted(COLUMNS))
			.bind("report", SqlParameters.nullable(reportId, Long.class))
			.bind("incident", SqlParameters.nullable(incidentId, Long.class))
			.bind("assignment", SqlParameters.nullable(assignmentId, Long.class))
			.bind("key", SqlParameters.nullable((uploadKey != null) ? uploadKey.value() : null, String.class))
			.bind("hash", SqlParameters.nullable((uploadKey != null) ? uploadKey.fingerprint() : null, byte[].class))
			.bind("by", uploadedBy)
			.bind("width", photo.width())
			.bind("height", photo.height())
			.bind("image", photo.image())
			.bind("thumbnail", photo.thumbnail())
			.bind("at", at)
			.map(PostgresPhotoStore::toView)
			.one();
	}

	@Override
	public Mono<KeyedPhoto> byUploadKey(UploadKey uploadKey) {
		return this.db.sql("""
				SELECT %s, coalesce(p.upload_hash = :hash, true) AS same_upload
				FROM photo p LEFT JOIN report r ON r.id = p.report_id WHERE p.upload_key = :key
				""".formatted(COLUMNS))
			.bind("key", uploadKey.value())
			.bind("hash", uploadKey.fingerprint())
			.map((row) -> new KeyedPhoto(toView(row), Boolean.TRUE.equals(row.get("same_upload", Boolean.class))))
			.one();
	}

	@Override
	public Mono<byte[]> image(long photoId) {
		return this.db.sql("SELECT image FROM photo WHERE id = :id")
			.bind("id", photoId)
			.map((row) -> row.get("image", byte[].class))
			.one();
	}

	@Override
	public Mono<byte[]> thumbnail(long photoId) {
		return this.db.sql("SELECT thumbnail FROM photo WHERE id = :id")
			.bind("id", photoId)
			.map((row) -> row.get("thumbnail", byte[].class))
			.one();
	}

	@Override
	public Mono<Usage> usageOfReport(long reportId) {
		return this.db.sql("""
				SELECT count(*) AS photos, coalesce(sum(octet_length(image)), 0)::bigint AS bytes
				FROM photo WHERE report_id = :report
				""")
			.bind("report", reportId)
			.map((row) -> new Usage(row.get("photos", Long.class), row.get("bytes", Long.class)))
			.one();
	}

	@Override
	public Flux<PhotoView> forIncident(long incidentId) {
		return this.db.sql("""
				SELECT %s FROM photo p LEFT JOIN report r ON r.id = p.report_id
				WHERE p.incident_id = :incident OR r.incident_id = :incident
				ORDER BY p.created_at, p.id
				""".formatted(COLUMNS)).bind("incident", incidentId).map(PostgresPhotoStore::toView).all();
	}

	@Override
	public Flux<PhotoView> withIds(Collection<Long> photoIds) {
		return this.db.sql("""
				SELECT %s FROM photo p LEFT JOIN report r ON r.id = p.report_id
				WHERE p.id = ANY(:ids)
				ORDER BY p.created_at, p.id
				""".formatted(COLUMNS))
			.bind("ids", photoIds.toArray(Long[]::new))
			.map(PostgresPhotoStore::toView)
			.all();
	}

	@Override
	public Flux<PhotoView> forReport(long reportId) {
		return this.db.sql("""
				SELECT %s FROM photo p JOIN report r ON r.id = p.report_id
				WHERE p.report_id = :report
				ORDER BY p.created_at, p.id
				""".formatted(COLUMNS)).bind("report", reportId).map(PostgresPhotoStore::toView).all();
	}

	@Override
	public Mono<Boolean> setHidden(long photoId, boolean hidden, String by, OffsetDateTime at) {
		return this.db.sql("""
				UPDATE photo
				SET hidden_at = CASE WHEN :hidden THEN coalesce(hidden_at, :at) END,
				    hidden_by = CASE WHEN :hidden THEN :by END
				WHERE id = :id
				""")
			.bind("id", photoId)
			.bind("hidden", hidden)
			.bind("by", by)
			.bind("at", at)
			.fetch()
			.rowsUpdated()
			.map((count) -> count > 0);
	}

	private static PhotoView toView(Readable row) {
		return PhotoView.of(row.get("id", Long.class), row.get("incident_id", Long.class),
				row.get("report_id", Long.class), row.get("assignment_id", Long.class), row.get("width", Integer.class),
				row.get("height", Integer.class), Boolean.TRUE.equals(row.get("hidden", Boolean.class)),
				row.get("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
	}

}
