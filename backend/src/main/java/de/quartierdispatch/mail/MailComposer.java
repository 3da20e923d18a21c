package de.quartierdispatch.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Writes a message in the reporter's language from the message bundles
 * ({@code mail.KIND.subject}, {@code mail.KIND.body}, {@code mail.footer}): plain text,
 * the tracking code, the status link, the outcome in neutral words, and a link to stop
 * further mail (also as {@code List-Unsubscribe}, one click).
 */
@Component
class MailComposer {

	private final MessageSource messages;

	private final MailProperties properties;

	MailComposer(MessageSource messages, MailProperties properties) {
		this.messages = messages;
		this.properties = properties;
	}

	MimeMessage compose(JavaMailSender sender, OutboxMessage message, String to) throws MessagingException {
		Locale locale = Locale.forLanguageTag(message.language());
		String statusLink = this.properties.base() + "/status/" + message.trackingCode();
		// The page behind it speaks the mail's language, whatever the browser's.
		String stopLink = this.properties.base() + "/mail/stop?t=" + message.stopToken() + "&lang="
				+ message.language();
		String detail = detail(message, locale);
		Object[] arguments = { message.trackingCode(), statusLink, detail };
		String subject = this.messages.getMessage("mail." + message.kind() + ".subject", arguments, locale);
		String body = this.messages.getMessage("mail." + message.kind() + ".body", arguments, locale) + "\n\n-- \n"
				+ this.messages.getMessage("mail.footer", new Object[] { stopLink }, locale) + "\n";
		MimeMessage mime = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
		helper.setFrom(this.properties.from());
		helper.setTo(to);
		helper.setSubject(subject);
		helper.setText(body, false);
		mime.setHeader("Content-Language", message.language());
		mime.setHeader("Auto-Submitted", "auto-generated");
		mime.setHeader("List-Unsubscribe", "<" + this.properties.base() + "/api/mail/stop?t=" + message.stopToken()
				+ "&lang=" + message.language() + ">");
		mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		mime.setHeader("X-Quartier-Outbox", Long.toString(message.id()));
		// The same for every sending of this message (kept by JavaMailSenderImpl): one
		// sent again after a lost database answer is shown once by the mail program.
		mime.setHeader("Message-ID", messageId(message));
		return mime;
	}

	/**
	 * Unique across deployments without being stored: the outbox id, and a name derived
	 * from the reporter's secret stop token (it reveals neither).
	 */
	private String messageId(OutboxMessage message) throws MessagingException {
		String sender = new InternetAddress(this.properties.from()).getAddress();
		String domain = (sender != null && sender.contains("@")) ? sender.substring(sender.indexOf('@') + 1)
				: "quartier-dispatch.localhost";
		UUID name = UUID.nameUUIDFromBytes((message.stopToken() + ":" + message.id()).getBytes(StandardCharsets.UTF_8));
		return "<" + message.id() + "." + name + "@" + domain + ">";
	}

	private String detail(OutboxMessage message, Locale locale) {
		if ("OUTCOME".equals(message.kind()) && message.outcome() != null) {
			String referredTo = (message.referredTo() != null) ? message.referredTo() : "";
			return this.messages.getMessage("outcome." + message.outcome(), new Object[] { referredTo }, locale);
		}
		if ("MESSAGE".equals(message.kind()) && message.message() != null) {
			return message.message();
		}
		return "";
	}

}
