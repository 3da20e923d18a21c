package de.quartierdispatch;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages are application modules: no cycle between them, and none reaches
 * into another's internals. {@code system} is the one module every other may use.
 */
class ModularityTests {

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
		ApplicationModules.of(QuartierDispatchApplication.class).verify();
	}

}
