package com.whatsappflowhub.identity.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.audit.AuditEntry;
import com.whatsappflowhub.audit.AuditLog;
import com.whatsappflowhub.identity.SignIn;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.identity.mfa.SecondFactor;
import com.whatsappflowhub.identity.tenant.MfaRequirement;
import com.whatsappflowhub.identity.user.PasswordTooLong;
import com.whatsappflowhub.identity.user.User;
import com.whatsappflowhub.identity.user.Users;
import com.whatsappflowhub.platform.CrossTenant;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in with e-mail and password, and refresh-token rotation.
 *
 * <p>A refresh token is {@code <tenant id>.<256 random bits>}; only its SHA-256 is stored. Each use hands out a
 * new token of the same family and spends the old one; presenting a spent token again means it leaked, so the
 * whole family is revoked (RFC 9700 §4.14.2). The tenant prefix lets the refresh run under the tenant's own
 * row-level security instead of the cross-tenant path.
 */
@Service
class Sessions implements SignIn {

	private static final Logger log = LoggerFactory.getLogger(Sessions.class);

	private final CrossTenant crossTenant;

	private final Users users;

	private final PasswordEncoder passwords;

	private final AccessTokens accessTokens;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AuthSettings settings;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final String dummyHash;

	private final SignInThrottle throttle;

	private final AuditLog audit;

	private final SecondFactor secondFactor;

	Sessions(CrossTenant crossTenant, Users users, PasswordEncoder passwords, AccessTokens accessTokens, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, AuthSettings settings, Clock clock, SignInThrottle throttle, AuditLog audit,
			SecondFactor secondFactor) {
		this.secondFactor = secondFactor;
		this.audit = audit;
		this.throttle = throttle;
		this.crossTenant = crossTenant;
		this.users = users;
		this.passwords = passwords;
		this.accessTokens = accessTokens;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.settings = settings;
		this.clock = clock;
		this.dummyHash = passwords.encode(UUID.randomUUID().toString());
	}

	TokenPair login(String email, String password, @Nullable String otp, String clientAddress) {
		Authenticated authenticated = authenticate(email, password, otp, clientAddress);
		User user = authenticated.user();
		if (authenticated.enrolmentOnly()) {
			// no refresh token: the enrolment token lasts minutes and then the password is asked again
			return TokenPair.enrolmentOnly(accessTokens.issueEnrolment(user), accessTokens.enrolmentLifetimeSeconds());
		}
		return TenantContext.callAs(user.tenantId(), () -> transactions.execute(status -> {
			users.recordLogin(user.id(), clock.instant());
			return pair(user, UUID.randomUUID());
		}));
	}

	/**
	 * For the dashboard's own session: the same checks as the token endpoint (throttling, timing, active user and
	 * tenant, second factor, audit).
	 */
	@Override
	public Attempt attempt(String email, String password, @Nullable String otp) {
		Authenticated authenticated;
		try {
			authenticated = authenticate(email, password, otp, "dashboard");
		}
		catch (SecondFactorRequired required) {
			return new Attempt.CodeRequired();
		}
		catch (InvalidCredentials refused) {
			return new Attempt.Refused();
		}
		User user = authenticated.user();
		Account account = new Account(user.id(), user.tenantId(), user.name(), user.email(), user.roles());
		if (authenticated.enrolmentOnly()) {
			return new Attempt.EnrolmentRequired(account);
		}
		TenantContext.runAs(user.tenantId(),
				() -> transactions.executeWithoutResult(status -> users.recordLogin(user.id(), clock.instant())));
		return new Attempt.SignedIn(account);
	}

	/** @param enrolmentOnly the tenant requires a second factor of this user, who has none yet: enrolment only */
	private record Authenticated(User user, boolean enrolmentOnly) {
	}

	private Authenticated authenticate(String email, String password, @Nullable String otp, String clientAddress) {
		PasswordTooLong.check(password);
		throttle.check(email, clientAddress); // before any hashing: a locked account costs no bcrypt
		List<Users.Credentials> accounts = crossTenant.call("login", email, () -> users.findCredentials(email));
		Users.Credentials credentials = null;
		for (Users.Credentials account : accounts) {
			// e-mails are unique per tenant: the password says which of the tenants' accounts is meant
			if (account.passwordHash() != null && passwords.matches(password, account.passwordHash())) {
				credentials = account;
				break;
			}
		}
		if (accounts.isEmpty()) {
			passwords.matches(password, dummyHash); // same work as a real check: no user enumeration by timing
		}
		if (credentials == null || !credentials.user().active() || !credentials.tenantActive()) {
			throttle.failed(email, clientAddress);
			audit.record(new AuditEntry(credentials == null ? null : credentials.user().tenantId(), "email:" + email,
					"auth.sign-in.failed", null, clientAddress, credentials == null ? null : "inactive user or tenant"));
			throw new InvalidCredentials();
		}
		User signingIn = credentials.user();
		record Second(SecondFactor.Check check, boolean required) {
		}
		Second factor = TenantContext.callAs(signingIn.tenantId(), () -> transactions
			.execute(status -> new Second(secondFactor.check(signingIn.id(), otp), mfaRequired(signingIn))));
		SecondFactor.Check second = factor.check();
		if (second == SecondFactor.Check.REQUIRED) {
			throw new SecondFactorRequired(); // the password was right: not a failure, but no token without the code
		}
		if (second == SecondFactor.Check.REFUSED) {
			throttle.failed(email, clientAddress);
			audit.record(new AuditEntry(credentials.user().tenantId(), "user:" + credentials.user().id(),
					"auth.sign-in.failed", "user:" + credentials.user().id(), clientAddress, "second factor refused"));
			throw new InvalidCredentials();
		}
		throttle.succeeded(email);
		if (second == SecondFactor.Check.NOT_ENROLLED && factor.required()) {
			audit.record(new AuditEntry(signingIn.tenantId(), "user:" + signingIn.id(), "auth.sign-in.enrolment-only",
					"user:" + signingIn.id(), clientAddress, "the tenant requires a second factor; none enrolled yet"));
			return new Authenticated(signingIn, true);
		}
		audit.record(new AuditEntry(credentials.user().tenantId(), "user:" + credentials.user().id(), "auth.sign-in.succeeded",
				"user:" + credentials.user().id(), clientAddress, null));
		return new Authenticated(signingIn, false);
	}

	/** In the user's tenant transaction: must this user sign in with a second factor? */
	private boolean mfaRequired(User user) {
		String setting = jdbc.sql("SELECT settings #>> '{security,mfa}' FROM tenant WHERE id = ?")
			.param(user.tenantId().value())
			.query(String.class)
			.optional()
			.orElse(null);
		return MfaRequirement.parse(setting).appliesTo(user.roles());
	}

	TokenPair refresh(String presented) {
		TenantId tenant = tenantOf(presented);
		Outcome outcome = TenantContext.callAs(tenant, () -> transactions.execute(status -> rotate(presented)));
		if (outcome != null && outcome.enrolmentRequired()) {
			throw new SecondFactorEnrolmentRequired();
		}
		if (outcome == null || outcome.pair() == null) {
			throw new InvalidRefreshToken();
		}
		return outcome.pair();
	}

	private Outcome rotate(String presented) {
		Instant now = clock.instant();
		Optional<Stored> found = jdbc
			.sql("SELECT user_id, family_id, expires_at, used_at, revoked_at FROM refresh_token WHERE token_hash = ? FOR UPDATE")
			.param(hash(presented))
			.query((rs, row) -> new Stored(new UserId(rs.getObject("user_id", UUID.class)),
					rs.getObject("family_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
					rs.getTimestamp("used_at") != null, rs.getTimestamp("revoked_at") != null))
			.optional();
		if (found.isEmpty()) {
			return Outcome.REFUSED; // unknown: nobody to record it for (the tenant prefix is the presenter's claim)
		}
		Stored token = found.get();
		if (token.revoked()) {
			audit.changeBy(TenantContext.require(), "user:" + token.user().value(), "auth.refresh.refused",
					"user:" + token.user().value(), "revoked token");
			return Outcome.REFUSED;
		}
		if (token.used()) {
			int revoked = jdbc.sql("UPDATE refresh_token SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")
				.params(Timestamp.from(now), token.family())
				.update();
			log.warn("Refresh token reuse for user {}: revoked {} token(s) of family {}", token.user(), revoked,
					token.family());
			audit.change(TenantContext.require(), "auth.refresh.reused", "user:" + token.user().value(),
					"revoked " + revoked + " token(s) of the family");
			return Outcome.REFUSED;
		}
		if (!token.expiresAt().isAfter(now)) {
			audit.changeBy(TenantContext.require(), "user:" + token.user().value(), "auth.refresh.refused",
					"user:" + token.user().value(), "expired token");
			return Outcome.REFUSED;
		}
		jdbc.sql("UPDATE refresh_token SET used_at = ? WHERE token_hash = ?").params(Timestamp.from(now), hash(presented)).update();
		Optional<User> user = users.findById(token.user()).filter(User::active);
		boolean tenantActive = jdbc.sql("SELECT status = 'ACTIVE' FROM tenant WHERE id = ?")
			.param(TenantContext.require().value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
		if (user.isEmpty() || !tenantActive) {
			audit.changeBy(TenantContext.require(), "user:" + token.user().value(), "auth.refresh.refused",
					"user:" + token.user().value(), "inactive user or tenant");
			return Outcome.REFUSED;
		}
		if (mfaRequired(user.get()) && !secondFactor.enabled(user.get().id())) {
			// a refresh token from before the requirement does not get around it: sign in, enrol, sign in again
			audit.changeBy(TenantContext.require(), "user:" + token.user().value(), "auth.refresh.refused",
					"user:" + token.user().value(), "the tenant requires a second factor; none enrolled yet");
			return Outcome.ENROL;
		}
		audit.changeBy(TenantContext.require(), "user:" + token.user().value(), "auth.refresh.succeeded",
				"user:" + token.user().value(), null);
		return new Outcome(pair(user.get(), token.family()));
	}

	private TokenPair pair(User user, UUID family) {
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String refreshToken = user.tenantId() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO refresh_token (id, tenant_id, user_id, family_id, token_hash, issued_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), user.tenantId().value(), user.id().value(), family, hash(refreshToken),
					Timestamp.from(now), Timestamp.from(now.plus(settings.refreshTokenTtl())))
			.update();
		return new TokenPair(accessTokens.issue(user), "Bearer", accessTokens.lifetimeSeconds(), refreshToken);
	}

	private static TenantId tenantOf(String token) {
		int dot = token.indexOf('.');
		try {
			return TenantId.of(dot < 0 ? "" : token.substring(0, dot));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRefreshToken();
		}
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Stored(UserId user, UUID family, Instant expiresAt, boolean used, boolean revoked) {
	}

	private record Outcome(@Nullable TokenPair pair, boolean enrolmentRequired) {

		static final Outcome REFUSED = new Outcome(null, false);

		static final Outcome ENROL = new Outcome(null, true);

		Outcome(TokenPair pair) {
			this(pair, false);
		}
	}
}
