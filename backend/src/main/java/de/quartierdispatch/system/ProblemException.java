package de.quartierdispatch.system;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal the client can understand and act on. Title and detail are looked up in the
 * message bundles under {@code problem.CODE.title} and {@code problem.CODE.detail}, so
 * the person reads them in their own language.
 */
public abstract class ProblemException extends ErrorResponseException {

	private final String code;

	protected ProblemException(HttpStatusCode status, String code, @Nullable Object... detailArguments) {
		super(status, ProblemDetail.forStatus(status), null, "problem." + code + ".detail", detailArguments);
		this.code = code;
		getBody().setType(URI.create("urn:problem:quartier-dispatch:" + code));
	}

	/**
	 * A stable, language-independent name of this problem, e.g.
	 * {@code point-outside-quarters}.
	 */
	public String code() {
		return this.code;
	}

	@Override
	public String getTitleMessageCode() {
		return "problem." + this.code + ".title";
	}

	@Override
	public String getMessage() {
		return getClass().getSimpleName() + " [" + getStatusCode() + " " + this.code + "]";
	}

	/**
	 * A detail argument the reader sees by its name in their language, looked up under
	 * {@code KIND.VALUE} ({@code state.assignment.EN_ROUTE}, say): a code like
	 * {@code EN_ROUTE} means nothing to a person.
	 */
	protected static MessageSourceResolvable named(String kind, Object value) {
		return new DefaultMessageSourceResolvable(new String[] { kind + "." + value }, String.valueOf(value));
	}

	/** Adds a property to the problem body, e.g. the current state of a resource. */
	protected final void property(String name, @Nullable Object value) {
		getBody().setProperty(name, value);
	}

}
