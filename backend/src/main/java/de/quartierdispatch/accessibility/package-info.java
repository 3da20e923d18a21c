/**
 * What the law asks of a public-sector site (BITV 2.0, EN 301 549 / WCAG 2.1 AA): the
 * accessibility statement, from configuration the city fills in, with a feedback form
 * that reaches the administrators and is answered; and the Leichte Sprache page.
 */
@NullMarked
package de.quartierdispatch.accessibility;

import org.jspecify.annotations.NullMarked;
