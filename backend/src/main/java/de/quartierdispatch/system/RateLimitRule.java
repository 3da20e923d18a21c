package de.quartierdispatch.system;

import java.time.Clock;
import java.time.Duration;

import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A per-client request allowance for one endpoint, e.g. 10 public submissions per 10
 * minutes. Features declare their rules as beans; {@link RateLimitFilter} enforces them
 * before a request body is even read.
 */
public final class RateLimitRule {

	private final HttpMethod method;

	private final PathPattern path;

	private final int requests;

	private final Duration per;

	public RateLimitRule(HttpMethod method, String path, int requests, Duration per) {
		this.method = method;
		this.path = PathPatternParser.defaultInstance.parse(path);
		this.requests = requests;
		this.per = per;
	}

	/**
	 * A HEAD counts as the GET it stands for: its status tells as much (a code exists).
	 */
	boolean appliesTo(ServerWebExchange exchange) {
		HttpMethod asked = exchange.getRequest().getMethod();
		return (this.method.equals(asked) || HttpMethod.GET.equals(this.method) && HttpMethod.HEAD.equals(asked))
				&& this.path.matches(exchange.getRequest().getPath().pathWithinApplication());
	}

	/** A fresh allowance per client for this rule, refilled by {@code clock}. */
	RateLimiter limiter(Clock clock) {
		return new RateLimiter(this.requests, this.per, clock);
	}

}
