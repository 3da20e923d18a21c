/**
 * The public map of open reports: category, status, age and a position coarsened to the
 * centre of a grid cell of about 100 m, never text, photos, contact details or the exact
 * position; and the check whether a resident's report can join one of them ("me too").
 */
@NullMarked
package de.quartierdispatch.publicmap;

import org.jspecify.annotations.NullMarked;
