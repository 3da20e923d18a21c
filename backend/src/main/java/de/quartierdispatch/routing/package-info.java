/**
 * Routing: ordered, explainable rules that give each new report its team types, priority
 * and deadline; recurrence (hotspots) and escalation of overdue incidents.
 */
@NullMarked
package de.quartierdispatch.routing;

import org.jspecify.annotations.NullMarked;
