package com.whatsappflowhub.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A dashboard page open on this replica hears a task change made on another one: the other replica (a connection of
 * its own to the same database) changes the task's row and sends the cluster signal in the format
 * {@code PostgresClusterSignals} sends it ({@code <node>|tasks|<tenant>:<task>:<kind>}); the open stream of a person
 * who may see the task gets the {@code task} event with the status read again here, and a page of another tenant or of
 * a USER the task is not assigned to gets nothing.
 */
@IntegrationTest
class TaskStreamAcrossReplicasTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	Environment environment;

	@Test
	void aTaskChangedOnAnotherReplicaReachesOnlyThePagesThatMaySeeIt() throws Exception {
		Api.TenantFixture tenant = api.newTenant();
		Api.TenantFixture other = api.newTenant();
		String id = api.read(api.post("/api/v1/tasks", tenant.token(Role.TENANT_ADMIN),
				Map.of("title", "Changed on the other replica", "assigneeId", tenant.spareUserId()))).get("id").asString();

		MvcResult admin = open(tenant, Role.TENANT_ADMIN);
		MvcResult viewer = open(tenant, Role.VIEWER);
		MvcResult user = open(tenant, Role.USER); // not the assignee
		MvcResult stranger = open(other, Role.TENANT_ADMIN);
		for (MvcResult page : List.of(admin, viewer, user, stranger)) {
			await().atMost(Duration.ofSeconds(10)).until(() -> body(page).contains("event:ready"));
		}

		try (Connection replica = otherReplica()) {
			replica.setAutoCommit(false);
			try (PreparedStatement tenantContext = replica.prepareStatement("SELECT set_config('app.tenant_id', ?, true)");
					PreparedStatement complete = replica.prepareStatement(
							"UPDATE task SET status = 'DONE', completed_at = now(), version = version + 1 WHERE id = ?");
					PreparedStatement signal = replica.prepareStatement("SELECT pg_notify('flowhub_cluster', ?)")) {
				tenantContext.setString(1, tenant.tenantId());
				tenantContext.executeQuery();
				complete.setObject(1, UUID.fromString(id));
				assertThat(complete.executeUpdate()).isEqualTo(1);
				signal.setString(1, "replica2|tasks|" + tenant.tenantId() + ":" + id + ":updated");
				signal.executeQuery();
			}
			replica.commit(); // the signal leaves with the commit, as the other replica's does
		}

		String expected = "{\"id\":\"" + id + "\",\"kind\":\"updated\",\"status\":\"DONE\"}";
		await().atMost(Duration.ofSeconds(10)).until(() -> body(admin).contains(expected));
		await().atMost(Duration.ofSeconds(10)).until(() -> body(viewer).contains(expected));
		// one push goes to every page in turn, so the others have had their chance by now
		assertThat(body(user)).doesNotContain(id);
		assertThat(body(stranger)).doesNotContain(id);
		assertThat(body(admin)).contains("event:task");
	}

	@Test
	void aSignalOfAnotherTopicOrAMalformedOneIsIgnored() throws Exception {
		Api.TenantFixture tenant = api.newTenant();
		String id = api.read(api.post("/api/v1/tasks", tenant.token(Role.TENANT_ADMIN), Map.of("title", "Quiet")))
			.get("id")
			.asString();
		MvcResult admin = open(tenant, Role.TENANT_ADMIN);
		await().atMost(Duration.ofSeconds(10)).until(() -> body(admin).contains("event:ready"));
		try (Connection replica = otherReplica(); PreparedStatement signal = replica
			.prepareStatement("SELECT pg_notify('flowhub_cluster', ?)")) {
			for (String payload : List.of("replica2|numbers|" + tenant.tenantId() + ":" + id + ":updated",
					"replica2|tasks|not-a-tenant:" + id + ":updated", "replica2|tasks|" + tenant.tenantId() + ":" + id,
					"replica2|tasks|" + tenant.tenantId() + ":" + id + ":ping")) {
				signal.setString(1, payload);
				signal.executeQuery();
			}
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> body(admin).contains("\"kind\":\"ping\""));
		assertThat(body(admin)).doesNotContain("\"kind\":\"updated\""); // only the last, well-formed one was heard
	}

	/** A dashboard page's event stream, signed in as the tenant's user of this role. */
	MvcResult open(Api.TenantFixture tenant, Role role) throws Exception {
		DashboardUser user = new DashboardUser(UUID.fromString(tenant.userIds().get(role)), UUID.fromString(tenant.tenantId()),
				role.name(), tenant.slug() + "-" + role.name().toLowerCase() + "@example.com", Set.of(role));
		MvcResult result = mvc.perform(get("/events").with(authentication(UsernamePasswordAuthenticationToken
			.authenticated(user, null, List.of(new SimpleGrantedAuthority(role.authority())))))).andReturn();
		assertThat(result.getRequest().isAsyncStarted()).isTrue();
		return result;
	}

	static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString().replace("event: ", "event:");
	}

	/** A connection of another replica: the same database, not our pool. */
	Connection otherReplica() throws Exception {
		return DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
				environment.getProperty("spring.datasource.username", ""),
				environment.getProperty("spring.datasource.password", ""));
	}
}
