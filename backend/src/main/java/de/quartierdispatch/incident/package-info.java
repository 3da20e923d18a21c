/**
 * Incidents, the unit of dispatch work: their lifecycle, assignments of teams, notes and
 * merges.
 */
@NullMarked
package de.quartierdispatch.incident;

import org.jspecify.annotations.NullMarked;
