/**
 * Contact points (Anlaufstellen): where residents can walk in, when, and in which
 * languages.
 */
@NullMarked
package de.quartierdispatch.contactpoint;

import org.jspecify.annotations.NullMarked;
