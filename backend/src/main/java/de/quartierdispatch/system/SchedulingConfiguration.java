package de.quartierdispatch.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background work (escalation, retention, session clean-up) runs in the server, not in
 * the command-line mode, and can be switched off with
 * {@code quartier.scheduling.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "quartier.scheduling.enabled", matchIfMissing = true)
@EnableScheduling
class SchedulingConfiguration {

}
