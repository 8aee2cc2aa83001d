package com.whatsappflowhub.platform.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Starts every transaction with the tenant of the current thread in {@code app.tenant_id} (transaction-local),
 * which the row-level-security policies compare with each row's {@code tenant_id}. Without a tenant the
 * setting stays empty and no tenant-owned row is visible. Inside {@link CrossTenantAccess} the transaction is
 * marked with {@code app.cross_tenant = on} instead.
 */
class TenantAwareTransactionManager extends JdbcTransactionManager {

	private static final ThreadLocal<Boolean> CROSS_TENANT = ThreadLocal.withInitial(() -> false);

	TenantAwareTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

	/** True on a thread inside {@link CrossTenantAccess}: its connections come from the platform role's pool. */
	static boolean inCrossTenantPath() {
		return CROSS_TENANT.get();
	}

	static void crossTenant(boolean on) {
		if (on) {
			CROSS_TENANT.set(true);
		}
		else {
			CROSS_TENANT.remove();
		}
	}

	@Override
	protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
			throws SQLException {
		super.prepareTransactionalConnection(connection, definition);
		@Nullable TenantId tenant = TenantContext.current().orElse(null);
		boolean cross = CROSS_TENANT.get();
		if (tenant == null && !cross) {
			return; // both settings revert to empty at the end of every transaction
		}
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT set_config('app.tenant_id', ?, true), set_config('app.cross_tenant', ?, true)")) {
			statement.setString(1, tenant == null ? "" : tenant.toString());
			statement.setString(2, cross ? "on" : "");
			statement.execute();
		}
	}
}
