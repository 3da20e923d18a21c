package de.quartierdispatch.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.netty.util.IllegalReferenceCountException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import reactor.core.publisher.Hooks;

import org.springframework.core.codec.DecodingException;
import org.springframework.stereotype.Component;

/**
 * Errors that arrive after their stream has ended, which Reactor would log at ERROR with
 * a stack trace. Two kinds are no failure of ours and could be sent by anyone at any
 * rate, so they go to debug: a client that went away or stopped sending its body (the
 * body's read timeout, which it hears as 408), and a request body buffer released a
 * second time when Spring's multipart parser gives up on a body (too many parts, a body
 * cut off; the buffer is already free, and the client has its 400), and that parser's own
 * late complaint about the same cut-off body. Everything else stays an error.
 * <p>
 * The same double release also surfaces when the connection closes afterwards: Netty's
 * HTTP decoder releases the buffer once more, and, depending on who gets there first,
 * Reactor Netty's server reports that at ERROR ({@code onUncaughtException}) or Netty's
 * pipeline at WARN ("reached at the tail of the pipeline"), past any Reactor hook. Those
 * reports, Netty's own about a buffer released twice and nothing else, go to debug as
 * well.
 */
@Component
class DroppedErrors {

	private static final Logger logger = LoggerFactory.getLogger(DroppedErrors.class);

	DroppedErrors() {
		Hooks.onErrorDropped(this::log);
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
			TurboFilter filter = new DoubleReleaseOnClose();
			filter.start();
			logging.addTurboFilter(filter);
		}
	}

	private void log(Throwable failure) {
		// A reset arriving after its stream ended: a client that left while its command's
		// body was read (the command runs on, CommandsRunToTheirEnd), or a connection
		// nobody reads any more; nothing to act on either way.
		if (failure instanceof IllegalReferenceCountException || failure instanceof DecodingException
				|| ClientAborts.isClientGoneMidAnswer(failure) || ClientAborts.isStalledBody(failure)) {
			logger.debug("Dropped after its stream ended", failure);
			return;
		}
		logger.error("An error arrived after its stream had ended", failure);
	}

	/**
	 * Netty's and Reactor Netty's reports of a buffer released twice, as a debug line.
	 */
	static final class DoubleReleaseOnClose extends TurboFilter {

		@Override
		public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger source, Level level, String format,
				Object[] parameters, Throwable failure) {
			if (level.isGreaterOrEqual(Level.WARN) && failure instanceof IllegalReferenceCountException
					&& (source.getName().startsWith("reactor.netty.") || source.getName().startsWith("io.netty."))) {
				logger.debug("Released twice when the connection closed: {}", format, failure);
				return FilterReply.DENY;
			}
			return FilterReply.NEUTRAL;
		}

	}

}
