package com.whatsappflowhub;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.TenantScoped;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

/** An asynchronous module listener that records what it could see, for the tenant-context tests. */
@TestComponent
public class ListenerProbe {

	public record Probed(TenantId tenantId, String marker) implements TenantScoped {
	}

	public record Observation(String tenant, long visibleUsers, long visibleForeignUsers, String thread) {
	}

	private final Map<String, Observation> observations = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	ListenerProbe(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(Probed event) {
		long visible = jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
		long foreign = jdbc.sql("SELECT count(*) FROM app_user WHERE tenant_id <> ?")
			.param(event.tenantId().value())
			.query(Long.class)
			.single();
		observations.put(event.marker(), new Observation(TenantContext.current().map(TenantId::toString).orElse("none"),
				visible, foreign, Thread.currentThread().getName()));
	}

	public Observation observed(String marker) {
		return observations.get(marker);
	}
}
