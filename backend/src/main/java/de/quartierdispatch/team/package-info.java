/**
 * Team types (KOD, outreach, street work, quarter and conflict management) and the
 * concrete teams: their status, languages, covered quarters and last known position.
 */
@NullMarked
package de.quartierdispatch.team;

import org.jspecify.annotations.NullMarked;
