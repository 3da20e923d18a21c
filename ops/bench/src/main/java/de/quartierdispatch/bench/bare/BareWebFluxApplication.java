package de.quartierdispatch.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The start-up limit: a Spring Boot WebFlux application with the backend's starters and
 * nothing of its own (no beans, no migrations, no pages). The benchmark starts it exactly
 * as it starts the application, on one CPU with the same heap, and compares the two times
 * to readiness.
 */
@SpringBootApplication
public class BareWebFluxApplication {

	public static void main(String[] args) {
		SpringApplication.run(BareWebFluxApplication.class, args);
	}

}
