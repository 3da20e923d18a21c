package de.quartierdispatch.system;

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

	private final RateLimiter limiter;

	public RateLimitRule(HttpMethod method, String path, int requests, Duration per) {
		this.method = method;
		this.path = PathPatternParser.defaultInstance.parse(path);
		this.limiter = new RateLimiter(requests, per);
	}

	boolean appliesTo(ServerWebExchange exchange) {
		return this.method.equals(exchange.getRequest().getMethod())
				&& this.path.matches(exchange.getRequest().getPath().pathWithinApplication());
	}

	RateLimiter limiter() {
		return this.limiter;
	}

}
