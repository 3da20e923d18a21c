package de.quartierdispatch.support;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;

/**
 * Keeps every line the application logs during the test run (see logback-test.xml), with
 * stack traces, so that a test can check what ended up in the log.
 */
public class CapturedLog extends AppenderBase<ILoggingEvent> {

	private static final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

	/** Everything logged so far in this JVM. */
	public static List<String> lines() {
		return List.copyOf(lines);
	}

	@Override
	protected void append(ILoggingEvent event) {
		StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
		IThrowableProxy thrown = event.getThrowableProxy();
		if (thrown != null) {
			line.append('\n').append(ThrowableProxyUtil.asString(thrown));
		}
		lines.add(line.toString());
	}

}
