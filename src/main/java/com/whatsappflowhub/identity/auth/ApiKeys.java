package com.whatsappflowhub.identity.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.whatsappflowhub.platform.CrossTenant;
import com.whatsappflowhub.platform.InvalidRequest;
import com.whatsappflowhub.platform.NotFound;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for integrations (the API_CLIENT role): {@code fh_live_} and 40 random base64url characters, shown once,
 * kept as their SHA-256. A key is checked through the audited cross-tenant path (the key says nothing about its
 * tenant) and the answer kept {@link #CACHE} on this node; revocation clears it here at once and on other replicas
 * within that time.
 */
@Component
class ApiKeys {

	static final String PREFIX = "fh_live_";

	static final Set<String> SCOPES = Set.of("tasks:read", "tasks:write", "messages:read", "messages:send",
			"webhooks:manage");

	static final Duration CACHE = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final CrossTenant crossTenant;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	ApiKeys(JdbcClient jdbc, CrossTenant crossTenant, Clock clock) {
		this.jdbc = jdbc;
		this.crossTenant = crossTenant;
		this.clock = clock;
	}

	record ApiKey(UUID id, String name, String prefix, List<String> scopes, Instant createdAt, @Nullable Instant lastUsedAt,
			@Nullable Instant revokedAt) {
	}

	record Created(UUID id, String key, String name, String prefix, List<String> scopes) {
	}

	/** Who a valid key speaks for. */
	record Caller(UUID keyId, TenantId tenant, Set<String> scopes) {
	}

	private record Cached(Optional<Caller> caller, Instant until) {
	}

	static final class UnknownScope extends InvalidRequest {

		UnknownScope(String scope) {
			super("unknown-scope", "Unknown scope " + scope + "; scopes are " + String.join(", ", SCOPES.stream().sorted().toList())
					+ ".");
		}
	}

	static final class ApiKeyNotFound extends NotFound {

		ApiKeyNotFound(UUID id) {
			super("No API key " + id + ".");
		}
	}

	@Transactional
	Created create(String name, List<String> scopes, @Nullable UUID createdBy) {
		for (String scope : scopes) {
			if (!SCOPES.contains(scope)) {
				throw new UnknownScope(scope);
			}
		}
		byte[] secret = new byte[30];
		random.nextBytes(secret);
		String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		UUID id = UUID.randomUUID();
		String prefix = key.substring(0, PREFIX.length() + 4);
		List<String> sorted = scopes.stream().distinct().sorted().toList();
		jdbc.sql("""
				INSERT INTO api_key (id, tenant_id, name, prefix, key_hash, scopes, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?)""")
			.params(id, TenantContext.require().value(), name.trim(), prefix, hash(key), "{" + String.join(",", sorted) + "}",
					createdBy, Timestamp.from(clock.instant()))
			.update();
		return new Created(id, key, name.trim(), prefix, sorted);
	}

	@Transactional(readOnly = true)
	List<ApiKey> list() {
		return jdbc.sql("SELECT id, name, prefix, scopes, created_at, last_used_at, revoked_at FROM api_key "
				+ "WHERE tenant_id = ? ORDER BY created_at DESC")
			.param(TenantContext.require().value())
			.query((rs, row) -> new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
					Arrays.asList((String[]) rs.getArray("scopes").getArray()), rs.getTimestamp("created_at").toInstant(),
					instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
			.list();
	}

	@Transactional
	void revoke(UUID id) {
		int revoked = jdbc.sql("UPDATE api_key SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? AND tenant_id = ?")
			.params(Timestamp.from(clock.instant()), id, TenantContext.require().value())
			.update();
		if (revoked == 0) {
			throw new ApiKeyNotFound(id);
		}
		cache.clear();
	}

	Optional<Caller> authenticate(String key) {
		if (!key.startsWith(PREFIX) || key.length() > 100) {
			return Optional.empty();
		}
		String hash = HexFormat.of().formatHex(hash(key));
		Instant now = clock.instant();
		Cached cached = cache.get(hash);
		if (cached != null && cached.until().isAfter(now)) {
			return cached.caller();
		}
		Optional<Caller> caller = crossTenant.call("api-key:authenticate", key.substring(0, PREFIX.length() + 4), () -> {
			Optional<Caller> found = jdbc.sql("""
					SELECT k.id, k.tenant_id, k.scopes FROM api_key k JOIN tenant t ON t.id = k.tenant_id
					WHERE k.key_hash = ? AND k.revoked_at IS NULL AND t.status = 'ACTIVE'""")
				.param(hash(key))
				.query((rs, row) -> new Caller(rs.getObject("id", UUID.class), new TenantId(rs.getObject("tenant_id", UUID.class)),
						Set.of((String[]) rs.getArray("scopes").getArray())))
				.optional();
			found.ifPresent(c -> jdbc.sql("UPDATE api_key SET last_used_at = ? WHERE id = ?")
				.params(Timestamp.from(now), c.keyId())
				.update());
			return found;
		});
		if (cache.size() > 10_000) {
			cache.clear();
		}
		cache.put(hash, new Cached(caller, now.plus(CACHE)));
		return caller;
	}

	private static byte[] hash(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable Instant instant(@Nullable Timestamp value) {
		return value == null ? null : value.toInstant();
	}
}
