package de.quartierdispatch.incident;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A lead's decisions on how incidents end.
 *
 * @param undoWindow how long after deciding the same lead can take the decision back (a
 * slip of the hand); later, only a reporter's "still a problem" reopens it
 */
@ConfigurationProperties("quartier.decision")
public record DecisionProperties(@DefaultValue("5m") Duration undoWindow) {
}
