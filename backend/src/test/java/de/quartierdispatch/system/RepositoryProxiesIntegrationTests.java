package de.quartierdispatch.system;

import java.util.Arrays;
import java.util.List;

import de.quartierdispatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repositories are plain objects unless they hold transactions: no proxy translates
 * their exceptions ({@code spring.persistence.exceptiontranslation.enabled=false}),
 * because {@link DatabaseClient} hands its errors on translated already.
 */
@IntegrationTest
class RepositoryProxiesIntegrationTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private DatabaseClient db;

	@Test
	void repositoriesWithoutTransactionsAreNotProxied() {
		List<String> repositories = Arrays.stream(this.context.getBeanNamesForAnnotation(Repository.class))
			.filter((name) -> !holdsTransactions(this.context.getType(name)))
			.toList();
		assertThat(repositories).hasSizeGreaterThan(20);
		assertThat(repositories)
			.allSatisfy((name) -> assertThat(AopUtils.isAopProxy(this.context.getBean(name))).as("%s is a proxy", name)
				.isFalse());
	}

	/**
	 * What the handlers catch
	 * ({@code onErrorMap(DataIntegrityViolationException.class, …)} for a name taken or a
	 * team assigned twice) comes translated from the client itself.
	 */
	@Test
	void theDatabaseClientsErrorsArriveTranslated() {
		// A quarter copied: refused for its code, which is unique, so nothing is stored.
		StepVerifier
			.create(this.db.sql("INSERT INTO quarter (code, name, geom) SELECT code, name, geom FROM quarter LIMIT 1")
				.fetch()
				.rowsUpdated())
			.expectError(DataIntegrityViolationException.class)
			.verify();
		StepVerifier.create(this.db.sql("SELECT no_such_column FROM quarter").fetch().all())
			.expectError(DataAccessException.class)
			.verify();
	}

	private static boolean holdsTransactions(Class<?> type) {
		Class<?> user = ClassUtils.getUserClass(type);
		return AnnotatedElementUtils.hasAnnotation(user, Transactional.class)
				|| Arrays.stream(user.getDeclaredMethods())
					.anyMatch((method) -> AnnotatedElementUtils.hasAnnotation(method, Transactional.class));
	}

}
