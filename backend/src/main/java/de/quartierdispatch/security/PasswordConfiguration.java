package de.quartierdispatch.security;

import java.util.Map;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed with Argon2id (OWASP's first choice); stored hashes carry their
 * algorithm's id, so the choice can change later without resetting passwords.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		Map<String, PasswordEncoder> encoders = Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
				"bcrypt", new BCryptPasswordEncoder());
		return new DelegatingPasswordEncoder("argon2", encoders);
	}

	/**
	 * Hashing takes tens of milliseconds and 16 MB each: it runs off the event loop, two
	 * at a time, so a burst of sign-ins can neither stall requests nor exhaust memory.
	 */
	@Bean(destroyMethod = "dispose")
	Scheduler passwordHashing() {
		return Schedulers.newBoundedElastic(2, 1000, "password-hashing");
	}

}
