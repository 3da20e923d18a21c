/**
 * Partner organisations (city offices and free carriers), their services, and their staff
 * accounts (role {@code PARTNER}, bound to one organisation); the directory ("Wegweiser")
 * counter staff search by topic, language, quarter and opening hours.
 */
@NullMarked
package de.quartierdispatch.partner;

import org.jspecify.annotations.NullMarked;
