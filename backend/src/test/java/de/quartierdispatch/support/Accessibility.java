package de.quartierdispatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.microsoft.playwright.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs axe-core (from its WebJar) in a page and fails on serious or critical WCAG 2.1
 * A/AA violations. axe is evaluated through the browser's DevTools protocol, so the
 * page's Content-Security-Policy stays in force while it is checked.
 */
public final class Accessibility {

	private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	private static final String RUN = """
			async () => {
			  const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
			  return result.violations
			    .filter((violation) => ['serious', 'critical'].includes(violation.impact))
			    .map((violation) => violation.id + ' (' + violation.impact + '): ' + violation.help + ' at '
			      + violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', '));
			}
			""";

	/**
	 * The page as a person meets it, not half-way there: every text the page fills in
	 * from its translation file is in (an element a page builds may be empty until then),
	 * and no transition is under way (a pop-up fading in has too little contrast for a
	 * moment). Endless animations, such as a team's alarm, do not count.
	 */
	private static final String SETTLED = """
			() => [...document.querySelectorAll('[data-i18n]')].every((element) => element.textContent.trim() !== '')
			  && document.getAnimations().every((animation) => !(animation instanceof CSSTransition)
			    || animation.playState !== 'running')
			""";

	private static final String SOURCE = load();

	private Accessibility() {
	}

	public static void assertNoSeriousViolations(Page page) {
		page.waitForFunction(SETTLED);
		if (!Boolean.TRUE.equals(page.evaluate("() => typeof axe !== 'undefined'"))) {
			page.evaluate(SOURCE);
		}
		@SuppressWarnings("unchecked")
		List<String> violations = (List<String>) page.evaluate(RUN);
		assertThat(violations).as("serious or critical accessibility violations on " + page.url()).isEmpty();
	}

	private static String load() {
		try (InputStream input = Accessibility.class.getClassLoader().getResourceAsStream(AXE)) {
			if (input == null) {
				throw new IllegalStateException("axe-core is not on the test classpath: " + AXE);
			}
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
