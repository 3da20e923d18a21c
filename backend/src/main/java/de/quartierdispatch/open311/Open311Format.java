package de.quartierdispatch.open311;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MimeTypeUtils;

/**
 * The two formats of GeoReport v2. A request names its format with a suffix
 * ({@code services.xml}); without one, the {@code Accept} header decides, and JSON is the
 * default.
 */
enum Open311Format {

	JSON("json", MediaType.APPLICATION_JSON), XML("xml", new MediaType("text", "xml", StandardCharsets.UTF_8));

	private final String suffix;

	private final MediaType mediaType;

	Open311Format(String suffix, MediaType mediaType) {
		this.suffix = suffix;
		this.mediaType = mediaType;
	}

	MediaType mediaType() {
		return this.mediaType;
	}

	/** The format a request asks for, from its path's suffix or its Accept header. */
	static Open311Format of(ServerHttpRequest request) {
		String path = request.getPath().pathWithinApplication().value();
		String last = path.substring(path.lastIndexOf('/') + 1);
		int dot = last.lastIndexOf('.');
		if (dot >= 0) {
			String suffix = last.substring(dot + 1).toLowerCase(Locale.ROOT);
			for (Open311Format format : values()) {
				if (format.suffix.equals(suffix)) {
					return format;
				}
			}
		}
		try {
			return byAccept(request.getHeaders().getAccept());
		}
		catch (InvalidMediaTypeException ex) {
			// An unreadable Accept header asks for nothing in particular: the default.
			return JSON;
		}
	}

	private static Open311Format byAccept(List<MediaType> accepted) {
		List<MediaType> sorted = new ArrayList<>(accepted);
		MimeTypeUtils.sortBySpecificity(sorted);
		for (MediaType type : sorted) {
			if (type.isWildcardType()) {
				return JSON;
			}
			if (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) {
				return JSON;
			}
			if (type.getSubtype().equals("xml") || type.getSubtype().endsWith("+xml")) {
				return XML;
			}
		}
		return JSON;
	}

	/**
	 * The name in a path segment without its format suffix: {@code 42.json} is
	 * {@code 42}. A suffix that names no format is refused.
	 */
	static String stripSuffix(String segment) {
		int dot = segment.lastIndexOf('.');
		if (dot < 0) {
			return segment;
		}
		String suffix = segment.substring(dot + 1).toLowerCase(Locale.ROOT);
		for (Open311Format format : values()) {
			if (format.suffix.equals(suffix)) {
				return segment.substring(0, dot);
			}
		}
		throw Open311Exception.badRequest("format ." + suffix + " is not supported: use .json or .xml");
	}

	/** Checks the {@code {format}} of a mapping such as {@code services.{format}}. */
	static void checkSuffix(String format) {
		stripSuffix("x." + format);
	}

}
