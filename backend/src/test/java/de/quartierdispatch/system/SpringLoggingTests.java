package de.quartierdispatch.system;

import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.Level;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring logs through Apache Commons Logging, configured by
 * {@code commons-logging.properties} to check the level before a message is made into
 * text: Spring Security's matchers hand a message object to {@code debug} on every
 * request.
 */
class SpringLoggingTests {

	private static final String LOGGER = "de.quartierdispatch.system.SpringLoggingTests.quiet";

	@Test
	void aDebugMessageIsNotMadeIntoTextWhileDebugIsOff() {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(LOGGER)).setLevel(Level.INFO);
		Log log = LogFactory.getLog(LOGGER);
		AtomicBoolean madeIntoText = new AtomicBoolean();
		Object message = new Object() {
			@Override
			public String toString() {
				madeIntoText.set(true);
				return "a message";
			}
		};

		log.debug(message);
		assertThat(madeIntoText).isFalse();
		log.info(message);
		assertThat(madeIntoText).isTrue();
	}

}
