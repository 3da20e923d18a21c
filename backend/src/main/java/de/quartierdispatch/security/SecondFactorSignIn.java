package de.quartierdispatch.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import de.quartierdispatch.security.mfa.Authenticator;
import de.quartierdispatch.security.mfa.Authenticators;
import de.quartierdispatch.security.mfa.NewSecret;
import de.quartierdispatch.security.mfa.RecoveryCodes;
import de.quartierdispatch.security.mfa.SecondFactorProperties;
import de.quartierdispatch.security.mfa.SecretCipher;
import de.quartierdispatch.security.mfa.Totp;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ServerWebExchange;

/**
 * The second step of a local sign-in: a code from the member's authenticator app (or a
 * recovery code), or, for a member who must have one and has none yet, the enrolment of
 * an app. Wrong codes count against the account like wrong passwords (it locks after as
 * many failures in a row); a code is accepted once only. When the step succeeds, the
 * waiting session is replaced by a full one (a new token).
 */
@Service
class SecondFactorSignIn {

	/** The only authority of a session that waits for its second factor. */
	static final GrantedAuthority PENDING = new SimpleGrantedAuthority("SECOND_FACTOR_PENDING");

	private static final Logger logger = LoggerFactory.getLogger(SecondFactorSignIn.class);

	private final Authenticators authenticators;

	private final SecretCipher cipher;

	private final StaffAccounts accounts;

	private final StaffSessions sessions;

	private final SessionCookies cookies;

	private final TransactionalOperator transactions;

	private final SecondFactorProperties properties;

	private final SecurityProperties security;

	private final Clock clock;

	private final TypedCodes codes;

	private final SecureRandom random = new SecureRandom();

	SecondFactorSignIn(Authenticators authenticators, SecretCipher cipher, StaffAccounts accounts,
			StaffSessions sessions, SessionCookies cookies, TransactionalOperator transactions,
			SecondFactorProperties properties, SecurityProperties security, TypedCodes codes, Clock clock) {
		this.authenticators = authenticators;
		this.cipher = cipher;
		this.accounts = accounts;
		this.sessions = sessions;
		this.cookies = cookies;
		this.transactions = transactions;
		this.properties = properties;
		this.security = security;
		this.codes = codes;
		this.clock = clock;
	}

	/** Whether an account whose password was just accepted must give a second factor. */
	Mono<Boolean> dueAfterPassword(long userId) {
		return this.authenticators.find(userId)
			.map((account) -> account.enrolled() || this.properties.requiredFor(account.roles()))
			.defaultIfEmpty(false);
	}

	Mono<SecondFactorStatus> status(StaffPrincipal member) {
		return this.authenticators.find(member.userId())
			.map((account) -> SecondFactorStatus.of(member, account, this.properties));
	}

	/**
	 * A new secret for the member's authenticator app. A member waiting for the second
	 * factor may only begin when they have none; a signed-in member may replace theirs
	 * (the old one stays valid until the new one is confirmed).
	 */
	Mono<NewSecret> begin(StaffPrincipal member) {
		return this.authenticators.find(member.userId()).flatMap((account) -> {
			if (account.external()) {
				return Mono.error(new SecondFactorRefusedException(HttpStatus.CONFLICT, "second-factor-external"));
			}
			if (member.secondFactorPending() && account.enrolled()) {
				return Mono.error(new SecondFactorRefusedException(HttpStatus.CONFLICT, "second-factor-code-due"));
			}
			byte[] secret = new byte[Totp.SECRET_BYTES];
			this.random.nextBytes(secret);
			return this.authenticators.begin(member.userId(), this.cipher.encrypt(member.userId(), secret), now())
				.thenReturn(NewSecret.of(secret, this.properties.issuer(), member.username()));
		});
	}

	/**
	 * Confirms a new secret with a code from the app: it becomes the member's second
	 * factor, with fresh recovery codes, which this answer shows the only time.
	 */
	Mono<List<String>> confirm(StaffPrincipal member, String code, @Nullable String currentCode,
			ServerWebExchange exchange) {
		return checked(member).flatMap((account) -> {
			if (member.secondFactorPending() && account.enrolled()) {
				return Mono.error(new SecondFactorRefusedException(HttpStatus.CONFLICT, "second-factor-code-due"));
			}
			if (account.newSecret() == null || account.newSecretAt() == null
					|| account.newSecretAt().isBefore(now().minus(this.properties.pendingTimeout()))) {
				return Mono.error(new SecondFactorRefusedException(HttpStatus.CONFLICT, "second-factor-no-enrolment"));
			}
			byte[] secret = this.cipher.decrypt(member.userId(), account.newSecret());
			long[] steps = Totp.matchingSteps(secret, code.strip(), currentStep(), this.properties.timeStepTolerance());
			if (steps.length == 0) {
				// Not the sign-in's answer: no recovery codes exist yet. Not counted
				// against the account either: the secret is on the screen of whoever
				// types, a guess gains nothing, and fumbling with a new app must not
				// lock the account.
				logger.info("Set-up code of user {} refused", member.username());
				return Mono.error(new SecondFactorRefusedException(HttpStatus.UNAUTHORIZED, "wrong-setup-code"));
			}
			Mono<Void> vouched = replacing(member, account) ? vouched(member, account, currentCode) : Mono.empty();
			List<String> recoveryCodes = RecoveryCodes.generate(this.properties.recoveryCodes());
			Mono<Boolean> confirmed = this.authenticators.confirm(member.userId(), account.newSecret(), steps,
					recoveryCodes, now());
			// Not confirmed: a second request confirmed it first (its answer holds the
			// recovery codes), or a new set-up has replaced the secret.
			return vouched.then(this.transactions.transactional(confirmed))
				.flatMap((done) -> done
						? complete(member, exchange, "enrolled an authenticator").thenReturn(recoveryCodes)
						: Mono.error(
								new SecondFactorRefusedException(HttpStatus.CONFLICT, "second-factor-no-enrolment")));
		});
	}

	private static boolean replacing(StaffPrincipal member, Authenticator account) {
		return !member.secondFactorPending() && account.secret() != null;
	}

	/**
	 * An app in force is replaced only with a code of it, or a recovery code, besides the
	 * session: a session left open must not let someone else put their phone in its
	 * place.
	 */
	private Mono<Void> vouched(StaffPrincipal member, Authenticator account, @Nullable String currentCode) {
		byte[] stored = account.secret();
		if (currentCode == null || currentCode.isBlank() || stored == null) {
			return Mono.error(new SecondFactorRefusedException(HttpStatus.BAD_REQUEST, "current-code-due"));
		}
		return this.codes.spend(member.userId(), stored, currentCode).flatMap((outcome) -> switch (outcome) {
			case APP_CODE, RECOVERY_CODE -> Mono.<Void>empty();
			case USED -> failed(member, "code-used");
			case WRONG -> failed(member, "wrong-current-code");
		});
	}

	/**
	 * The code step of a sign-in: a code of the member's authenticator app, or one of
	 * their recovery codes.
	 */
	Mono<SecondFactorVerified> verify(StaffPrincipal member, String code, ServerWebExchange exchange) {
		if (!member.secondFactorPending()) {
			return Mono.error(new SecondFactorRefusedException(HttpStatus.CONFLICT, "second-factor-not-due"));
		}
		return checked(member).flatMap((account) -> {
			byte[] stored = account.secret();
			if (stored == null) {
				return Mono.error(new SecondFactorRefusedException(HttpStatus.CONFLICT, "second-factor-not-enrolled"));
			}
			return this.codes.spend(member.userId(), stored, code).flatMap((outcome) -> switch (outcome) {
				case APP_CODE -> complete(member, exchange, "gave an authenticator code")
					.thenReturn(SecondFactorVerified.of(member, false, null));
				case RECOVERY_CODE -> complete(member, exchange, "used a recovery code")
					.thenReturn(SecondFactorVerified.of(member, true, account.recoveryCodesLeft() - 1));
				case USED -> failed(member, "code-used");
				case WRONG -> failed(member, "wrong-code");
			});
		});
	}

	/**
	 * The account, unless it is locked after too many failures: then even the right code
	 * is refused, with the same answer as a wrong one (as sign-in answers a locked
	 * account like a wrong password).
	 */
	private Mono<Authenticator> checked(StaffPrincipal member) {
		OffsetDateTime now = now();
		return this.accounts.findByUsername(member.username()).flatMap((account) -> {
			if (account.lockedAt(now)) {
				logger.warn("Second factor of user {} refused (account locked)", member.username());
				return Mono.error(new SecondFactorRefusedException(HttpStatus.UNAUTHORIZED, "wrong-code"));
			}
			return this.authenticators.find(member.userId());
		});
	}

	private <T> Mono<T> failed(StaffPrincipal member, String problem) {
		logger.warn("Second factor of user {} refused ({})", member.username(), problem);
		OffsetDateTime lockUntil = now().plus(this.security.lockout());
		return this.accounts.recordFailure(member.userId(), this.security.maxFailedLogins(), lockUntil)
			.then(Mono.error(new SecondFactorRefusedException(HttpStatus.UNAUTHORIZED, problem)));
	}

	/** The waiting session ends; a full one takes its place. */
	private Mono<Void> complete(StaffPrincipal member, ServerWebExchange exchange, String what) {
		logger.info("Sign-in of user {} succeeded: {}", member.username(), what);
		Mono<Void> endOld = Mono.justOrEmpty(this.cookies.read(exchange)).flatMap(this.sessions::close);
		return this.accounts.recordSuccess(member.userId())
			.then(endOld)
			.then(this.sessions.open(member.userId(), false))
			.doOnNext((token) -> this.cookies.write(exchange, token))
			.then();
	}

	private long currentStep() {
		return Totp.step(this.clock.instant());
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
