package de.quartierdispatch.incident;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * "Still a problem?".
 *
 * @param window how long after an incident was closed a reporter can reopen it; later,
 * their report opens a new incident that follows it
 */
@ConfigurationProperties("quartier.reopen")
public record ReopenProperties(@DefaultValue("14d") Duration window) {
}
