/**
 * The Open311 GeoReport v2 interface for partner apps: service list and definitions from
 * the report categories, reports through the same intake as the public form (with a key
 * administrators issue), and a public view of requests that shows nothing personal.
 */
@NullMarked
package de.quartierdispatch.open311;

import org.jspecify.annotations.NullMarked;
