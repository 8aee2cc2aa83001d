package com.whatsappflowhub.platform;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The one narrow path that may read or write across tenants (super-admin tenant listing, login by e-mail,
 * webhook routing). Each call runs in a transaction of its own in which row-level security lets every tenant's
 * rows through, and leaves a record (purpose, actor, time) in {@code cross_tenant_access}.
 */
public interface CrossTenant {

	/**
	 * @param purpose short, stable reason such as {@code "login"} or {@code "tenant-admin"}; kept in the log
	 * @param actor who asked (a user id, e-mail or system component)
	 */
	<T extends @Nullable Object> T call(String purpose, String actor, Supplier<T> work);
}
