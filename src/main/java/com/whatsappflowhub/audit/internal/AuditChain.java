package com.whatsappflowhub.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * The chain's arithmetic, shared by the writer and {@code audit verify}: a row's hash is SHA-256 over the previous
 * row's hash and the row's canonical form (every field, length-prefixed so no two rows share a form; time in
 * microseconds, as PostgreSQL keeps it). The first row of a chain follows {@link #GENESIS}.
 */
public final class AuditChain {

	public static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	public record Row(String chain, long seq, @Nullable String tenantId, Instant at, String actor, String action,
			@Nullable String target, @Nullable String clientAddress, @Nullable String detail) {
	}

	public static String hash(String previous, Row row) {
		StringBuilder canonical = new StringBuilder(previous);
		for (String field : new String[] { row.chain(), Long.toString(row.seq()), row.tenantId(),
				Long.toString(micros(row.at())), row.actor(), row.action(), row.target(), row.clientAddress(), row.detail() }) {
			if (field == null) {
				canonical.append("|-");
			}
			else {
				canonical.append('|').append(field.length()).append(':').append(field);
			}
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java platform", ex);
		}
	}

	public static Instant truncate(Instant at) {
		return at.truncatedTo(ChronoUnit.MICROS);
	}

	private static long micros(Instant at) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, at);
	}

	/** The chain a tenant's rows (or the platform's) belong to. */
	public static String chainOf(@Nullable String tenantId) {
		return tenantId == null ? "platform" : "tenant:" + tenantId;
	}
}
