/**
 * Staff accounts, sign-in, server-side sessions, roles and the protections around them.
 */
@NullMarked
package de.quartierdispatch.security;

import org.jspecify.annotations.NullMarked;
