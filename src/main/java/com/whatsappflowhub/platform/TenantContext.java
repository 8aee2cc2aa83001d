package com.whatsappflowhub.platform;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Which tenant the current thread acts for.
 *
 * <p>Every database transaction started on this thread sets {@code app.tenant_id} from it, and PostgreSQL's
 * row-level security shows only that tenant's rows; without a tenant nothing tenant-owned is visible. Web
 * requests get it from the token, asynchronous listeners and scheduled jobs from the event or the tenant they
 * process, always through {@link #runAs} / {@link #callAs} so that it is cleared afterwards.
 */
public final class TenantContext {

	private static final ThreadLocal<@Nullable TenantId> CURRENT = new ThreadLocal<>();

	private TenantContext() {
	}

	public static Optional<TenantId> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	public static TenantId require() {
		TenantId tenant = CURRENT.get();
		if (tenant == null) {
			throw new NoTenantContext();
		}
		return tenant;
	}

	public static void runAs(TenantId tenant, Runnable work) {
		callAs(tenant, () -> {
			work.run();
			return null;
		});
	}

	public static <T extends @Nullable Object> T callAs(TenantId tenant, Supplier<T> work) {
		TenantId previous = CURRENT.get();
		CURRENT.set(tenant);
		try {
			return work.get();
		}
		finally {
			restore(previous);
		}
	}

	public static <T extends @Nullable Object> T callChecked(TenantId tenant, Callable<T> work) throws Exception {
		TenantId previous = CURRENT.get();
		CURRENT.set(tenant);
		try {
			return work.call();
		}
		finally {
			restore(previous);
		}
	}

	private static void restore(@Nullable TenantId previous) {
		if (previous == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(previous);
		}
	}

	/** Thrown when code that needs a tenant runs without one. */
	public static final class NoTenantContext extends IllegalStateException {

		NoTenantContext() {
			super("No tenant context on this thread");
		}
	}
}
