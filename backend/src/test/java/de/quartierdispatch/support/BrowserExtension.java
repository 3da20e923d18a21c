package de.quartierdispatch.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real browser for tests: the system Chromium (never a downloaded one), headless, one
 * browser for the whole run and a fresh context (cookies, storage) per test. Uncaught
 * script errors and Content-Security-Policy violations fail the test, and a screenshot of
 * every page a test ends on is kept under {@code target/screenshots}.
 */
public class BrowserExtension implements ParameterResolver, AfterEachCallback {

	private static final Namespace NAMESPACE = Namespace.create(BrowserExtension.class);

	private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic");

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		Class<?> type = parameter.getParameter().getType();
		return type == Page.class || type == BrowserSession.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		BrowserSession session = extension.getStore(NAMESPACE)
			.computeIfAbsent(BrowserSession.class, (key) -> new BrowserSession(browser(extension)),
					BrowserSession.class);
		return (parameter.getParameter().getType() == Page.class) ? session.newPage() : session;
	}

	@Override
	public void afterEach(ExtensionContext extension) throws Exception {
		BrowserSession session = extension.getStore(NAMESPACE).remove(BrowserSession.class, BrowserSession.class);
		if (session != null) {
			session.finish(extension.getRequiredTestClass().getSimpleName() + "-"
					+ extension.getRequiredTestMethod().getName());
		}
	}

	private static Browser browser(ExtensionContext extension) {
		return extension.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(SharedBrowser.class, (key) -> new SharedBrowser(), SharedBrowser.class).browser;
	}

	/**
	 * The browser of the whole test run, closed when the run ends.
	 */
	static final class SharedBrowser implements AutoCloseable {

		private final Playwright playwright;

		private final Browser browser;

		SharedBrowser() {
			this.playwright = Playwright.create();
			String executable = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
			this.browser = this.playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(executable))
					.setHeadless(true)
					.setArgs(ARGS));
		}

		@Override
		public void close() {
			this.browser.close();
			this.playwright.close();
		}

	}

	/**
	 * The pages of one test, in a context of their own.
	 */
	public static final class BrowserSession {

		private final Browser browser;

		private final List<BrowserContext> contexts = new CopyOnWriteArrayList<>();

		private final List<Page> pages = new CopyOnWriteArrayList<>();

		private final List<String> problems = new CopyOnWriteArrayList<>();

		BrowserSession(Browser browser) {
			this.browser = browser;
		}

		/**
		 * A page in a new context: its own cookies and storage, a phone-sized or desktop
		 * window.
		 */
		public Page newPage() {
			return newPage(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("de-DE"));
		}

		public Page newPage(Browser.NewContextOptions options) {
			BrowserContext context = this.browser.newContext(options);
			this.contexts.add(context);
			Page page = context.newPage();
			page.onPageError((error) -> this.problems.add("uncaught script error: " + error));
			page.onConsoleMessage((message) -> {
				if (message.text().contains("Content Security Policy") || message.text().startsWith("Refused to")) {
					this.problems.add("CSP violation: " + message.text());
				}
			});
			this.pages.add(page);
			return page;
		}

		void finish(String name) throws Exception {
			Path directory = Path.of("target", "screenshots");
			Files.createDirectories(directory);
			for (int i = 0; i < this.pages.size(); i++) {
				Page page = this.pages.get(i);
				if (!page.isClosed()) {
					String suffix = (this.pages.size() > 1) ? "-" + (i + 1) : "";
					page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + suffix + ".png"))
						.setFullPage(true));
				}
			}
			this.contexts.forEach(BrowserContext::close);
			if (!this.problems.isEmpty()) {
				throw new AssertionError("The browser reported problems: " + this.problems);
			}
		}

	}

}
