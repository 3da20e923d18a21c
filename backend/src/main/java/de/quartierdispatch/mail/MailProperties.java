package de.quartierdispatch.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail to reporters. The SMTP server itself is Spring Boot's {@code spring.mail.*}
 * (README: {@code SMTP_HOST}, {@code SMTP_PORT}, ...).
 *
 * @param from the sender address
 * @param publicUrl where residents reach this site: the base of status and stop links
 * @param pollInterval how often each instance looks for due messages
 * @param batchSize messages one instance claims at a time
 * @param lease how long a claimed message is reserved for the instance that claimed it;
 * an instance that dies mid-batch leaves its messages to others after this
 * @param retryBase the wait before the first retry; it doubles with every attempt
 * @param retryMax the longest wait between attempts
 * @param maxAttempts after this many failed attempts a message is given up
 */
@ConfigurationProperties("quartier.mail")
public record MailProperties(@DefaultValue("Quartier Dispatch <no-reply@quartier-dispatch.localhost>") String from,
		@DefaultValue("http://localhost:8080") String publicUrl, @DefaultValue("5s") Duration pollInterval,
		@DefaultValue("20") int batchSize, @DefaultValue("2m") Duration lease, @DefaultValue("30s") Duration retryBase,
		@DefaultValue("1h") Duration retryMax, @DefaultValue("10") int maxAttempts) {

	/** The public URL without a trailing slash. */
	String base() {
		return this.publicUrl.endsWith("/") ? this.publicUrl.substring(0, this.publicUrl.length() - 1) : this.publicUrl;
	}

}
