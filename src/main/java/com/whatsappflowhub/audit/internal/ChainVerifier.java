package com.whatsappflowhub.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Recomputes every chain from its first row: each row must follow the previous one of its chain (seq + 1, its
 * prev_hash the previous hash) and carry the hash of its own canonical form. A chain whose oldest rows were purged
 * for retention starts where its latest anchor row says (the seq after the last purged row, whose hash the first
 * remaining row must follow); the anchor itself is a row of the chain, checked like every other. Reads as a role that
 * may cross tenants ({@code app.cross_tenant} set in its transaction), in one snapshot; streams, so a long trail does
 * not need memory.
 */
public final class ChainVerifier {

	/** @param brokenAt the first broken link, or {@code null} when every chain is intact */
	public record Result(long rows, int chains, @Nullable String brokenAt) {

		public boolean intact() {
			return brokenAt == null;
		}
	}

	private ChainVerifier() {
	}

	public static Result verify(Connection connection) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		int isolation = connection.getTransactionIsolation();
		connection.setAutoCommit(false);
		connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // anchors and rows: one snapshot
		try (Statement setup = connection.createStatement()) {
			setup.execute("SELECT set_config('app.cross_tenant', 'on', true)");
			Map<String, String> anchors = new HashMap<>();
			try (ResultSet rs = setup.executeQuery("SELECT DISTINCT ON (chain) chain, detail FROM audit_event "
					+ "WHERE action = '" + ANCHOR + "' ORDER BY chain, seq DESC")) {
				while (rs.next()) {
					anchors.put(rs.getString("chain"), rs.getString("detail"));
				}
			}
			try (PreparedStatement statement = connection.prepareStatement("""
					SELECT chain, seq, tenant_id, at, actor, action, target, client_address, detail, prev_hash, hash
					FROM audit_event ORDER BY chain, seq""")) {
				statement.setFetchSize(1000);
				try (ResultSet rs = statement.executeQuery()) {
					return walk(rs, anchors);
				}
			}
		}
		finally {
			connection.rollback();
			connection.setAutoCommit(autoCommit);
			connection.setTransactionIsolation(isolation);
		}
	}

	/** The action of the row {@code flowhub_audit_purge()} appends after purging a chain's oldest rows. */
	public static final String ANCHOR = "audit.anchor";

	private static final Pattern ANCHOR_DETAIL = Pattern.compile("through-seq=(\\d+) last-hash=([0-9a-f]{64}) count=(\\d+).*");

	/** Where a chain starts: after the rows its latest anchor says were purged, else at its genesis. */
	private record Start(long seq, String previous) {

		static @Nullable Start of(@Nullable String anchorDetail) {
			if (anchorDetail == null) {
				return new Start(1, AuditChain.GENESIS);
			}
			Matcher matcher = ANCHOR_DETAIL.matcher(anchorDetail);
			return matcher.matches() ? new Start(Long.parseLong(matcher.group(1)) + 1, matcher.group(2)) : null;
		}
	}

	private static Result walk(ResultSet rs, Map<String, String> anchors) throws SQLException {
		String chain = null;
		String previous = AuditChain.GENESIS;
		long expectedSeq = 1;
		long rows = 0;
		int chains = 0;
		while (rs.next()) {
			rows++;
			String rowChain = rs.getString("chain");
			if (!rowChain.equals(chain)) {
				chain = rowChain;
				chains++;
				Start start = Start.of(anchors.get(chain));
				if (start == null) {
					return new Result(rows, chains, "chain " + chain + ": its latest anchor row does not say where the chain starts");
				}
				previous = start.previous();
				expectedSeq = start.seq();
			}
			long seq = rs.getLong("seq");
			UUID tenant = rs.getObject("tenant_id", UUID.class);
			AuditChain.Row row = new AuditChain.Row(chain, seq, tenant == null ? null : tenant.toString(),
					rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"), rs.getString("target"),
					rs.getString("client_address"), rs.getString("detail"));
			String where = "chain " + chain + " at seq " + seq;
			if (seq != expectedSeq) {
				return new Result(rows, chains, where + ": expected seq " + expectedSeq + " (a row is missing or was inserted)");
			}
			if (!previous.equals(rs.getString("prev_hash"))) {
				return new Result(rows, chains, where + ": prev_hash does not match the previous row's hash");
			}
			if (!AuditChain.chainOf(row.tenantId()).equals(chain)) {
				return new Result(rows, chains, where + ": the row's tenant does not belong to this chain");
			}
			String hash = AuditChain.hash(previous, row);
			if (!hash.equals(rs.getString("hash"))) {
				return new Result(rows, chains, where + ": the row was changed (its hash does not match its content)");
			}
			previous = hash;
			expectedSeq = seq + 1;
		}
		return new Result(rows, chains, null);
	}
}
