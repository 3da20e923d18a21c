package de.quartierdispatch.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The frontend's files under a path that names their release: {@code /r/<tag>/js/...} for
 * {@code /js/...}, where the tag is a digest of every file the frontend module ships. A
 * browser keeps such a file for good and asks for it again only when a release changes
 * any file, since the page (revalidated on each visit) then names a new tag. Before, a
 * board asked again for its 30 modules and styles on every visit, each answered with 304
 * while the server was busy with the board's snapshot (ops/bench/README.md).
 * <p>
 * The modules import each other by relative paths, so a module loaded under the tag loads
 * the rest under it too: the pages name only their entry points.
 */
final class FrontendRelease {

	/**
	 * The path that a page's own files are served under, the tag being its next segment.
	 */
	static final String PREFIX = "/r/";

	/** The folders of the frontend's files that pages name under the release. */
	static final List<String> FOLDERS = List.of("js", "css");

	// An attribute naming one of those files by its plain path.
	private static final Pattern OWN_FILE = Pattern
		.compile("(\\s(?:src|href)=\")/(" + String.join("|", FOLDERS) + ")/");

	private static final String TAG = digest(files());

	private FrontendRelease() {
	}

	/** The current release's tag: the same on every instance that runs this release. */
	static String tag() {
		return TAG;
	}

	/** Whether a plain path names one of the files that pages name under the release. */
	static boolean isOwnFile(String path) {
		return FOLDERS.stream().anyMatch((folder) -> path.startsWith("/" + folder + "/"));
	}

	/**
	 * The page with its own styles and scripts named under the current release's path.
	 */
	static String versioned(String html) {
		return OWN_FILE.matcher(html)
			.replaceAll(
					(found) -> Matcher.quoteReplacement(found.group(1) + PREFIX + TAG + "/" + found.group(2) + "/"));
	}

	private static Map<String, Resource> files() {
		try {
			Map<String, Resource> byPath = new TreeMap<>();
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:static/**")) {
				String url = resource.getURL().toString();
				if (!url.endsWith("/") && resource.isReadable()) {
					byPath.put(url.substring(url.lastIndexOf("static/")), resource);
				}
			}
			return byPath;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The frontend's files could not be listed", ex);
		}
	}

	private static String digest(Map<String, Resource> files) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			for (Map.Entry<String, Resource> file : files.entrySet()) {
				sha256.update(file.getKey().getBytes(StandardCharsets.UTF_8));
				sha256.update(file.getValue().getContentAsByteArray());
			}
			return HexFormat.of().formatHex(sha256.digest(), 0, 6);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The frontend's files could not be read", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
