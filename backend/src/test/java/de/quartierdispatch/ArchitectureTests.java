package de.quartierdispatch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import de.quartierdispatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.socket.WebSocketHandler;

/**
 * The rules of the house that a compiler does not check: no SQL where requests arrive,
 * tests that start the whole application are named for it.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("de.quartierdispatch");

	private static final JavaClasses TESTS = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
		.importPackages("de.quartierdispatch");

	@Test
	void controllersAndHandlersRunNoSql() {
		ArchRule rule = ArchRuleDefinition.noClasses()
			.that()
			.areAnnotatedWith(RestController.class)
			.or()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAssignableTo(WebSocketHandler.class)
			.or()
			.areAssignableTo(HandlerFunction.class)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.r2dbc..", "io.r2dbc..")
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(DatabaseClient.class)
			.because("SQL lives in the owning module's repository or *Queries class");
		rule.check(MAIN);
	}

	@Test
	void testsThatStartTheApplicationAreNamedIntegrationTests() {
		ArchRule rule = ArchRuleDefinition.classes()
			.that()
			.areAnnotatedWith(IntegrationTest.class)
			.should()
			.haveSimpleNameEndingWith("IntegrationTests")
			.because("maven-failsafe runs them in the integration-test phase");
		rule.check(TESTS);
	}

}
