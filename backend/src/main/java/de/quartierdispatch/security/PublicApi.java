package de.quartierdispatch.security;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The routes under {@code /api/} that anyone may call without signing in. The security
 * configuration permits exactly these, and the API description marks exactly these as
 * public, so that a partner's generated client is told the truth about every route.
 */
public final class PublicApi {

	/** Read by the public pages: the form, the status page, the map, the statement. */
	static final String[] READS = { "/api/quarters", "/api/quarters/locate", "/api/categories", "/api/config",
			"/api/geocode", "/api/geocode/reverse", "/api/contact-points", "/api/reports/*", "/api/open-reports",
			"/api/accessibility", "/api/auth/providers", "/api/mail/stop" };

	/**
	 * Sent without a session but with the CSRF token (the {@code XSRF-TOKEN} cookie,
	 * echoed in {@code X-XSRF-TOKEN}): the pages that send them have one.
	 */
	static final String[] SENDS_WITH_TOKEN = { "/api/auth/login", "/api/reports/*/photos",
			"/api/reports/*/still-a-problem", "/api/accessibility/feedback" };

	/**
	 * Sent without any token: the report itself (JSON only, so a foreign page cannot send
	 * it without a CORS preflight this server never grants) and the stop link's one-click
	 * POST from mail programs (its token in the body is its only key).
	 */
	static final String[] SENDS_WITHOUT_TOKEN = { "/api/reports", "/api/mail/stop" };

	private static final List<PathPattern> READ_PATTERNS = parse(READS);

	private static final List<PathPattern> SEND_PATTERNS = parse(SENDS_WITH_TOKEN, SENDS_WITHOUT_TOKEN);

	private static final List<PathPattern> TOKENLESS_PATTERNS = parse(SENDS_WITHOUT_TOKEN);

	private PublicApi() {
	}

	/**
	 * Whether anyone may call this route.
	 * @param method the HTTP method
	 * @param path a concrete path ({@code /api/reports/Q7K2-M9XD}), not a template
	 */
	public static boolean isPublic(HttpMethod method, String path) {
		if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
			return matches(READ_PATTERNS, path);
		}
		return HttpMethod.POST.equals(method) && matches(SEND_PATTERNS, path);
	}

	/**
	 * Whether a public route needs the CSRF token (every change does, except the two sent
	 * without any).
	 */
	public static boolean needsCsrfToken(HttpMethod method, String path) {
		boolean safe = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
				|| HttpMethod.OPTIONS.equals(method);
		return !safe && !(HttpMethod.POST.equals(method) && matches(TOKENLESS_PATTERNS, path));
	}

	private static boolean matches(List<PathPattern> patterns, String path) {
		PathContainer container = PathContainer.parsePath(path);
		return patterns.stream().anyMatch((pattern) -> pattern.matches(container));
	}

	private static List<PathPattern> parse(String[]... groups) {
		return Arrays.stream(groups).flatMap(Arrays::stream).map(PathPatternParser.defaultInstance::parse).toList();
	}

}
