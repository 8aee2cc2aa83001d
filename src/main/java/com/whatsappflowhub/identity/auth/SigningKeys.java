package com.whatsappflowhub.identity.auth;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.whatsappflowhub.platform.CrossTenant;
import com.whatsappflowhub.platform.Secrets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA key pairs that sign our access tokens. The first start generates one; private keys are stored sealed
 * under the master key. After a rotation the previous public key stays published until the tokens it signed
 * have expired. Replicas share the keys through the database and reload them when they meet an unknown
 * {@code kid}.
 */
@Component
class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private static final long LOCK = 0x466c6f77_4a574b53L; // "FlowJWKS"

	private final JdbcClient jdbc;

	private final Secrets secrets;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AuthSettings settings;

	private final CrossTenant crossTenant;

	private volatile Keys keys = new Keys(null, new JWKSet(), Instant.EPOCH);

	SigningKeys(JdbcClient jdbc, Secrets secrets, PlatformTransactionManager transactionManager, Clock clock,
			AuthSettings settings, CrossTenant crossTenant) {
		this.crossTenant = crossTenant;
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.settings = settings;
	}

	/** The current signing key and every public key that may still verify a live token. */
	record Keys(@Nullable RSAKey current, JWKSet verification, Instant loadedAt) {
	}

	RSAKey current() {
		RSAKey current = keys.current();
		if (current == null) {
			current = reload().current();
		}
		if (current == null) {
			crossTenant.call("signing-keys:create", "system", () -> {
				lock();
				if (activeKid() == null) {
					insert(generate());
				}
				return null;
			});
			current = reload().current();
		}
		if (current == null) {
			throw new IllegalStateException("No signing key could be loaded");
		}
		return current;
	}

	/** Public keys for verification and for {@code /.well-known/jwks.json}. */
	JWKSet verificationKeys() {
		current();
		return keys.verification();
	}

	/** Called when a token names a key we don't know: another replica may have rotated. */
	@Nullable JWK findOrReload(String kid) {
		JWK jwk = keys.verification().getKeyByKeyId(kid);
		if (jwk == null && keys.loadedAt().isBefore(clock.instant().minusSeconds(5))) {
			jwk = reload().verification().getKeyByKeyId(kid);
		}
		return jwk;
	}

	/** Starts signing with a new key; the old public key stays published for one access-token lifetime. */
	RSAKey rotate() {
		// only the platform role may write signing_key (identity V12): the keys are written through CrossTenant
		crossTenant.call("signing-keys:rotate", "system", () -> {
			lock();
			jdbc.sql("UPDATE signing_key SET retired_at = ? WHERE retired_at IS NULL")
				.param(Timestamp.from(clock.instant()))
				.update();
			insert(generate());
			return null;
		});
		reload();
		RSAKey current = current();
		log.info("Rotated the token signing key; now signing with {}", current.getKeyID());
		return current;
	}

	private synchronized Keys reload() {
		Instant now = clock.instant();
		Instant oldestUseful = now.minus(settings.accessTokenTtl()).minusSeconds(60);
		List<StoredKey> stored = transactions.execute(status -> jdbc
			.sql("SELECT kid, public_jwk, private_key, retired_at FROM signing_key "
					+ "WHERE retired_at IS NULL OR retired_at > ? ORDER BY created_at DESC")
			.param(Timestamp.from(oldestUseful))
			.query((rs, row) -> new StoredKey(rs.getString("kid"), rs.getString("public_jwk"), rs.getBytes("private_key"),
					rs.getTimestamp("retired_at") != null))
			.list());
		RSAKey current = null;
		List<JWK> publicKeys = new java.util.ArrayList<>();
		for (StoredKey key : stored == null ? List.<StoredKey>of() : stored) {
			try {
				publicKeys.add(JWK.parse(key.publicJwk()));
				if (!key.retired() && current == null) {
					String privateJwk = new String(secrets.open(key.privateKey(), context(key.kid())), StandardCharsets.UTF_8);
					current = RSAKey.parse(privateJwk);
				}
			}
			catch (ParseException ex) {
				throw new IllegalStateException("Stored signing key " + key.kid() + " cannot be parsed", ex);
			}
		}
		keys = new Keys(current, new JWKSet(publicKeys), now);
		return keys;
	}

	private void lock() {
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
	}

	private @Nullable String activeKid() {
		return jdbc.sql("SELECT kid FROM signing_key WHERE retired_at IS NULL").query(String.class).optional().orElse(null);
	}

	private void insert(RSAKey key) {
		byte[] sealed = secrets.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), context(key.getKeyID()));
		jdbc.sql("INSERT INTO signing_key (kid, public_jwk, private_key, created_at) VALUES (?, ?, ?, ?)")
			.params(key.getKeyID(), key.toPublicJWK().toJSONString(), sealed, Timestamp.from(clock.instant()))
			.update();
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate an RSA key pair", ex);
		}
	}

	private static String context(String kid) {
		return "jwt-signing-key:" + kid;
	}

	private record StoredKey(String kid, String publicJwk, byte[] privateKey, boolean retired) {
	}
}
