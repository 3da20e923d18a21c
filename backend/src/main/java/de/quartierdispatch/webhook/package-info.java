/**
 * Signed webhooks to city systems: administrators manage subscribers and the events they
 * want; an outbox filled in the changing transaction, and a sender on every instance that
 * delivers each event once, with retries and backoff.
 */
@NullMarked
package de.quartierdispatch.webhook;

import org.jspecify.annotations.NullMarked;
