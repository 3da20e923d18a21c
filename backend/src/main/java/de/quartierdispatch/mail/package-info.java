/**
 * E-mail to reporters: an outbox written in the transaction of the change that causes a
 * message (confirmation, taken up, outcome, a lead's public message), a sender that
 * delivers it over SMTP from any instance without sending twice, in the reporter's
 * language, with a link to stop further mail; and the leads' public messages.
 */
@NullMarked
package de.quartierdispatch.mail;

import org.jspecify.annotations.NullMarked;
