package com.whatsappflowhub.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Recomputes every chain from its first row: each row must follow the previous one of its chain (seq + 1, its
 * prev_hash the previous hash) and carry the hash of its own canonical form. Reads as a role that may cross tenants
 * ({@code app.cross_tenant} set in its transaction); streams, so a long trail does not need memory.
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
		connection.setAutoCommit(false);
		try (Statement setup = connection.createStatement()) {
			setup.execute("SELECT set_config('app.cross_tenant', 'on', true)");
			try (PreparedStatement statement = connection.prepareStatement("""
					SELECT chain, seq, tenant_id, at, actor, action, target, client_address, detail, prev_hash, hash
					FROM audit_event ORDER BY chain, seq""")) {
				statement.setFetchSize(1000);
				try (ResultSet rs = statement.executeQuery()) {
					return walk(rs);
				}
			}
		}
		finally {
			connection.rollback();
			connection.setAutoCommit(autoCommit);
		}
	}

	private static Result walk(ResultSet rs) throws SQLException {
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
				previous = AuditChain.GENESIS;
				expectedSeq = 1;
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
