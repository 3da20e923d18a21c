package de.quartierdispatch.demo;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the demo data.
 *
 * @param password the initial password of every demo account ({@code DEMO_PASSWORD});
 * when it is not set, a random one is generated and printed once at start-up
 */
@ConfigurationProperties("quartier.demo")
record DemoProperties(@Nullable String password) {
}
