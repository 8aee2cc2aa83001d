package com.whatsappflowhub.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.SignIn;
import com.whatsappflowhub.integrations.ConnectionId;
import com.whatsappflowhub.integrations.ConnectionManagement;
import com.whatsappflowhub.integrations.InvalidConnection;
import com.whatsappflowhub.integrations.SyncLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

import static com.whatsappflowhub.web.TaskPagesTests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The connections pages with the dashboard's filter chain: admins change and test, managers read, secrets never shown. */
@WebMvcTest(controllers = ConnectionPages.class)
@Import({ DashboardSecurity.class, DashboardLocale.class, ConnectionPagesTests.Fixed.class })
class ConnectionPagesTests {

	@TestConfiguration
	static class Fixed {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		@Bean
		JsonMapper jsonMapper() {
			return JsonMapper.builder().build();
		}
	}

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ConnectionManagement connections;

	@MockitoBean
	Directory directory;

	@MockitoBean
	SignIn signIn;

	final ConnectionId id = new ConnectionId(UUID.randomUUID());

	final ConnectionManagement.ConnectionView jira = new ConnectionManagement.ConnectionView(id, "jira", "Ops Jira",
			JSON.createObjectNode().put("baseUrl", "https://acme.atlassian.net").put("projectKey", "OPS"), true, true,
			JSON.createObjectNode(), null, Instant.now(), Instant.now());

	@BeforeEach
	void tenant() {
		given(directory.settings()).willReturn(new Directory.TenantSettings("UTC", "en", Map.of()));
		given(connections.list()).willReturn(List.of(jira));
		given(connections.get(id)).willReturn(jira);
		given(connections.log(eq(id), any(), anyInt())).willReturn(List.of(new SyncLog.Entry(1, Instant.now(),
				id.value(), UUID.randomUUID(), SyncLog.Direction.OUTBOUND, "create", SyncLog.Outcome.FAILED, 120, 401,
				"Jira said 401 Unauthorized")));
	}

	@Test
	void aManagerReadsTheConnectionsAndItsLogButGetsNoControls() {
		assertThat(mvc.get().uri("/connections").with(as(Role.MANAGER))).hasStatusOk()
			.bodyText()
			.contains("Ops Jira", "set (not shown)")
			.doesNotContain("id=\"new-connection\"");
		assertThat(mvc.get().uri("/connections/" + id.value()).with(as(Role.MANAGER))).hasStatusOk()
			.bodyText()
			.contains("https://acme.atlassian.net", "Jira said 401 Unauthorized", "HTTP 401", "120 ms")
			.doesNotContain("Test the connection");
		assertThat(mvc.post().uri("/connections/" + id.value() + "/test").with(csrf()).with(as(Role.MANAGER))).hasStatus(403);
		assertThat(mvc.post().uri("/connections/" + id.value() + "/disable").with(csrf()).with(as(Role.MANAGER))).hasStatus(403);
		verify(connections, never()).test(any());
		verify(connections, never()).change(any(), any());
		assertThat(mvc.get().uri("/connections").with(as(Role.USER))).hasStatus(403);
	}

	@Test
	void anAdminCreatesAJiraConnectionWithItsSecretsAndSeesTheConnectorsComplaint() {
		given(connections.create(any())).willReturn(jira);
		assertThat(mvc.post().uri("/connections").param("type", "jira").param("name", "Ops Jira")
			.param("baseUrl", "https://acme.atlassian.net").param("projectKey", "OPS").param("issueType", "Task")
			.param("email", "ops@acme.test").param("apiToken", "secret-token").param("webhookSecret", "0123456789abcdef")
			.with(csrf()).with(as(Role.TENANT_ADMIN))).hasStatus(302).redirectedUrl().isEqualTo("/connections/" + id.value());
		ArgumentCaptor<ConnectionManagement.NewConnection> created = ArgumentCaptor.forClass(ConnectionManagement.NewConnection.class);
		verify(connections).create(created.capture());
		assertThat(created.getValue().type()).isEqualTo("jira");
		assertThat(created.getValue().config().path("projectKey").asString()).isEqualTo("OPS");
		assertThat(created.getValue().credentials().path("apiToken").asString()).isEqualTo("secret-token");
		assertThat(created.getValue().config().has("apiToken")).isFalse();

		given(connections.create(any())).willThrow(new InvalidConnection("config.baseUrl", "must be the Jira site's URL"));
		assertThat(mvc.post().uri("/connections").param("type", "jira").param("name", "Bad").param("baseUrl", "nope")
			.param("apiToken", "typed-secret").with(csrf()).with(as(Role.TENANT_ADMIN))).hasStatus(400)
			.bodyText()
			.contains("config.baseUrl must be the Jira site&#39;s URL")
			.doesNotContain("typed-secret");
	}

	@Test
	void anAdminTestsAndDisablesAConnection() {
		given(connections.test(id)).willReturn(new ConnectionManagement.TestResult(false, "Jira said 401"));
		var tested = mvc.post().uri("/connections/" + id.value() + "/test").with(csrf()).with(as(Role.TENANT_ADMIN)).exchange();
		assertThat(tested).hasStatus(302).flash().containsKey("test");
		assertThat(mvc.post().uri("/connections/" + id.value() + "/disable").with(csrf()).with(as(Role.TENANT_ADMIN)))
			.hasStatus(302);
		verify(connections).change(id, new ConnectionManagement.Changes(null, null, null, false));
	}
}
