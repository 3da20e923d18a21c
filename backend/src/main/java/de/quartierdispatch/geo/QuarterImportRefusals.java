package de.quartierdispatch.geo;

import java.util.List;

import de.quartierdispatch.geo.GeoJsonFeatureReader.MalformedGeoJsonException;
import de.quartierdispatch.geo.QuarterImportReport.FeatureNote;
import io.r2dbc.spi.R2dbcException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What ends a quarter import before its features can be judged one by one: a file that is
 * not a FeatureCollection, and a boundary whose check runs out of time. Either refuses
 * the whole file, as a report naming why.
 */
final class QuarterImportRefusals {

	/**
	 * How long one statement of an import may run: checking a boundary takes well under a
	 * second. Repairing a large self-intersecting one cannot be interrupted at all, so
	 * {@code check_quarter_geometry} refuses those before it starts (V116).
	 */
	static final int STATEMENT_SECONDS = 30;

	/** For the import's transaction, before its first statement. */
	static final String STATEMENT_TIMEOUT = "SET LOCAL statement_timeout = '" + STATEMENT_SECONDS + "s'";

	private static final String QUERY_CANCELED = "57014";

	private QuarterImportRefusals() {
	}

	/** Whether a statement failed because it ran out of time. */
	static boolean outOfTime(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof R2dbcException sql && QUERY_CANCELED.equals(sql.getSqlState())) {
				return true;
			}
		}
		return false;
	}

	/** The feature whose check ran out of time. */
	static RuntimeException tooComplex(int number, @Nullable String code, @Nullable String name) {
		return new FeatureTooComplexException(new FeatureNote(number, code, name,
				"the geometry takes longer than " + STATEMENT_SECONDS + " seconds to check"));
	}

	/** The failure as a rejected import where it is one of these; else as it was. */
	static Mono<QuarterImportReport> rejected(String source, Throwable failure) {
		if (failure instanceof FeatureTooComplexException tooComplex) {
			FeatureNote note = tooComplex.note;
			return Mono.error(new QuarterImportRejectedException(QuarterImportReport.rejected(source,
					(note.feature() != null) ? note.feature() : 0, List.of(), List.of(note))));
		}
		if (failure instanceof MalformedGeoJsonException malformed) {
			FeatureNote note = new FeatureNote(null, null, null,
					"the file is not a GeoJSON FeatureCollection: " + malformed.getMessage());
			return Mono.error(new QuarterImportRejectedException(
					QuarterImportReport.rejected(source, 0, List.of(), List.of(note))));
		}
		return Mono.error(failure);
	}

	/** The transaction is over (rolled back) once this reaches the importer's caller. */
	private static final class FeatureTooComplexException extends RuntimeException {

		private final FeatureNote note;

		FeatureTooComplexException(FeatureNote note) {
			super(note.message(), null, false, false);
			this.note = note;
		}

	}

}
