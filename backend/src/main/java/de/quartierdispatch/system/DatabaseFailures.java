package de.quartierdispatch.system;

import java.net.ConnectException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.jspecify.annotations.Nullable;
import reactor.pool.PoolAcquireTimeoutException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells what a failure from the database means for the client, by SQLSTATE and the
 * constraint or column PostgreSQL names, so that one rule covers every statement:
 * <ul>
 * <li>the database is unreachable, shutting down or out of connections: 503, try again
 * later;</li>
 * <li>an integrity rule refused the change (foreign key, unique, check, not null,
 * exclusion; class 23): 422, naming the field the constraint guards;</li>
 * <li>a value PostgreSQL cannot take (a date beyond its range, a number too large, an
 * index entry too long; classes 22 and 54): 400.</li>
 * <li>the rule {@value #ERASED_CASE} refused to add to or reopen a case that was erased
 * (a data subject's request or retention), or {@value #MERGED_CASE} to add to one merged
 * into another: 409.</li>
 * </ul>
 * Everything else stays an unexpected failure (500, logged with a reference).
 */
final class DatabaseFailures {

	/** The name under which the database refuses changes to an erased case (V117). */
	static final String ERASED_CASE = "incident_erased";

	/**
	 * The name under which the database refuses additions to a merged incident (V121);
	 * its detail is the incident that goes on.
	 */
	static final String MERGED_CASE = "incident_merged";

	private DatabaseFailures() {
	}

	static Optional<DatabaseFailure> classify(Throwable failure) {
		// The server's own answer first: Spring wraps some of its errors (PostGIS's
		// XX000 on a geometry it cannot handle) as a resource failure, which is not an
		// outage when the server answered.
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PostgresqlException postgres) {
				return Optional.ofNullable(fromDetails(postgres.getErrorDetails()));
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null) {
				return Optional.ofNullable(fromState(r2dbc.getSqlState(), null));
			}
			if (isUnreachable(cause)) {
				return Optional.of(new DatabaseFailure(Kind.UNAVAILABLE, null));
			}
		}
		return Optional.empty();
	}

	private static boolean isUnreachable(Throwable cause) {
		return cause instanceof R2dbcNonTransientResourceException || cause instanceof R2dbcTransientResourceException
				|| cause instanceof R2dbcTimeoutException || cause instanceof PoolAcquireTimeoutException
				|| cause instanceof ConnectException || cause instanceof DataAccessResourceFailureException
				|| cause instanceof CannotCreateTransactionException && cause.getCause() == null
				|| cause instanceof TimeoutException;
	}

	private static @Nullable DatabaseFailure fromDetails(ErrorDetails details) {
		String severity = details.getSeverityNonLocalized();
		if ("FATAL".equals(severity) || "PANIC".equals(severity)) {
			// The session itself ended (shutdown, terminated, refused at connect).
			return new DatabaseFailure(Kind.UNAVAILABLE, null);
		}
		if (details.getConstraintName().filter(ERASED_CASE::equals).isPresent()) {
			return DatabaseFailure.refused(new ErasedCaseException());
		}
		if (details.getConstraintName().filter(MERGED_CASE::equals).isPresent()) {
			return DatabaseFailure.refused(MergedCaseException.fromDetail(details.getDetail().orElse(null)));
		}
		String field = details.getConstraintName()
			.map((constraint) -> fieldOfConstraint(constraint, details.getTableName().orElse(null)))
			.or(details::getColumnName)
			.map(DatabaseFailures::camelCase)
			.orElse(null);
		return fromState(details.getCode(), field);
	}

	private static @Nullable DatabaseFailure fromState(@Nullable String state, @Nullable String field) {
		if (state == null || state.length() != 5) {
			return null;
		}
		String type = state.substring(0, 2);
		return switch (type) {
			case "08", "53", "57", "58" -> new DatabaseFailure(Kind.UNAVAILABLE, null);
			case "40" -> new DatabaseFailure(Kind.UNAVAILABLE, null);
			case "23" -> new DatabaseFailure(Kind.INTEGRITY, field);
			case "22", "54" -> new DatabaseFailure(Kind.INVALID_VALUE, field);
			default -> null;
		};
	}

	/**
	 * The column a constraint guards, by PostgreSQL's naming convention:
	 * {@code report_contact_point_id_fkey} on table {@code report} guards
	 * {@code contact_point_id}.
	 */
	static String fieldOfConstraint(String constraint, @Nullable String table) {
		String name = constraint;
		for (String suffix : new String[] { "_fkey", "_pkey", "_key", "_check", "_excl", "_not_null" }) {
			if (name.endsWith(suffix)) {
				name = name.substring(0, name.length() - suffix.length());
				break;
			}
		}
		if (table != null && name.startsWith(table + "_") && name.length() > table.length() + 1) {
			name = name.substring(table.length() + 1);
		}
		return name;
	}

	static String camelCase(String column) {
		StringBuilder field = new StringBuilder(column.length());
		boolean upper = false;
		for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
			if (c == '_') {
				upper = field.length() > 0;
			}
			else {
				field.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return field.toString();
	}

	enum Kind {

		UNAVAILABLE, INTEGRITY, INVALID_VALUE, REFUSED

	}

	/**
	 * What a database failure means for the client.
	 *
	 * @param kind what the failure means for the client
	 * @param field the request field concerned, when the database names one
	 * @param refusal what a rule of the database that refused the change means for the
	 * client ({@link Kind#REFUSED})
	 */
	record DatabaseFailure(Kind kind, @Nullable String field, @Nullable ProblemException refusal) {

		DatabaseFailure(Kind kind, @Nullable String field) {
			this(kind, field, null);
		}

		static DatabaseFailure refused(ProblemException refusal) {
			return new DatabaseFailure(Kind.REFUSED, null, refusal);
		}

		/** The HTTP status the client gets. */
		HttpStatusCode status() {
			return switch (this.kind) {
				case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
				case INTEGRITY -> HttpStatus.UNPROCESSABLE_CONTENT;
				case INVALID_VALUE -> HttpStatus.BAD_REQUEST;
				case REFUSED -> Objects.requireNonNull(this.refusal).getStatusCode();
			};
		}

	}

}
