/**
 * The second factor of staff sign-in: time-based one-time passwords (RFC 6238) with their
 * encrypted secrets, one-time recovery codes, and the QR code that carries a new secret
 * to an authenticator app. The sign-in steps that use them live in the security package.
 */
@NullMarked
package de.quartierdispatch.security.mfa;

import org.jspecify.annotations.NullMarked;
