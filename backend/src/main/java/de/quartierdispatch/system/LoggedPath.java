package de.quartierdispatch.system;

import java.util.regex.Pattern;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * A request's path as a log line may keep it. A tracking code opens a reporter's status
 * page and an Open311 token a client's request, so the segment that names one (after
 * {@code reports}, {@code status}, {@code requests} or {@code tokens}) is masked; the
 * query string, with places and typed addresses, is never logged at all.
 */
public final class LoggedPath {

	private static final Pattern NAMED_SECRET = Pattern.compile("(/(?:reports|status|requests|tokens)/)[^/]+");

	private LoggedPath() {
	}

	public static String of(ServerHttpRequest request) {
		return NAMED_SECRET.matcher(request.getPath().value()).replaceAll("$1…");
	}

}
