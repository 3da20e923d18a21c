package de.quartierdispatch.system;

import io.netty.util.IllegalReferenceCountException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Hooks;

import org.springframework.stereotype.Component;

/**
 * Errors that arrive after their stream has ended, which Reactor would log at ERROR with
 * a stack trace. Two kinds are no failure of ours and could be sent by anyone at any
 * rate, so they go to debug: a client that went away, and a request body buffer released
 * a second time when Spring's multipart parser gives up on a body (too many parts, a body
 * cut off; the buffer is already free, and the client has its 400). Everything else stays
 * an error.
 */
@Component
class DroppedErrors {

	private static final Logger logger = LoggerFactory.getLogger(DroppedErrors.class);

	DroppedErrors() {
		Hooks.onErrorDropped(this::log);
	}

	private void log(Throwable failure) {
		if (failure instanceof IllegalReferenceCountException || ClientAborts.isClientAbort(failure)) {
			logger.debug("Dropped after its stream ended", failure);
			return;
		}
		logger.error("An error arrived after its stream had ended", failure);
	}

}
