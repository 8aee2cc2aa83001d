package com.whatsappflowhub.audit;

import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;

/** Appends to the audit trail. Inside a transaction the row commits (or rolls back) with the change it records. */
public interface AuditLog {

	void record(AuditEntry entry);

	/**
	 * A state change by whoever is calling: the signed-in caller ({@code user:<id>}) and its address when it came
	 * through the API, otherwise {@code system}.
	 */
	void change(@Nullable TenantId tenant, String action, @Nullable String target, @Nullable String detail);

	/**
	 * A state change by a named actor ({@code user:<id>}, {@code rule:<id>}, {@code ai:<engine>},
	 * {@code integration:<system>}, {@code whatsapp:<wa id>}, {@code system:<component>}), with the address of the API
	 * request being served on this thread, if any.
	 */
	void changeBy(TenantId tenant, String actor, String action, @Nullable String target, @Nullable String detail);
}
