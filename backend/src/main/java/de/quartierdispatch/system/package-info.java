/**
 * Cross-cutting plumbing: error vocabulary (RFC 9457 problem details), languages, clock
 * and web configuration.
 */
@NullMarked
package de.quartierdispatch.system;

import org.jspecify.annotations.NullMarked;
