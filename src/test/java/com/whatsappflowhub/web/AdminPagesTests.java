package com.whatsappflowhub.web;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.whatsappflowhub.identity.Administration;
import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.SignIn;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantId;
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

import static com.whatsappflowhub.web.TaskPagesTests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Administration with the dashboard's filter chain: users, teams, pipeline settings, tenants; roles and form errors. */
@WebMvcTest(controllers = AdminPages.class)
@Import({ DashboardSecurity.class, DashboardLocale.class, Viewers.class, AdminPagesTests.Fixed.class })
class AdminPagesTests {

	@TestConfiguration
	static class Fixed {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}
	}

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Administration administration;

	@MockitoBean
	Directory directory;

	@MockitoBean
	SignIn signIn;

	final TeamId team = new TeamId(UUID.randomUUID());

	final Administration.Member maria = new Administration.Member(new UserId(UUID.randomUUID()), "maria@example.com",
			"María", Set.of(Role.USER), null, true, null);

	@BeforeEach
	void tenant() {
		given(directory.settings()).willReturn(new Directory.TenantSettings("Europe/Madrid", "en",
				Map.of("pipeline", Map.of("autoThreshold", 0.8, "suggestThreshold", 0.5))));
		given(directory.staff()).willReturn(List.of());
		given(directory.teams()).willReturn(List.of(new Directory.TeamRef(team, "Billing")));
		given(administration.members()).willReturn(List.of(maria));
	}

	@Test
	void showsThePeopleTeamsAndPipelineSettingsToATenantAdminOnly() {
		assertThat(mvc.get().uri("/admin").with(as(Role.TENANT_ADMIN))).hasStatusOk()
			.bodyText()
			.contains("María", "maria@example.com", "Billing", "value=\"0.8\"", "value=\"0.5\"")
			.doesNotContain("href=\"/admin/tenants\"", "value=\"SUPER_ADMIN\"");
		assertThat(mvc.get().uri("/admin").with(as(Role.MANAGER))).hasStatus(403);
		assertThat(mvc.get().uri("/admin/tenants").with(as(Role.TENANT_ADMIN))).hasStatus(403);
	}

	@Test
	void createsAUserWithARoleAndTeamAndShowsATakenAddressAsAFieldError() {
		assertThat(mvc.post().uri("/admin/users").param("name", "Ana").param("email", "ana@example.com")
			.param("password", "a-long-first-password").param("role", "MANAGER").param("team", team.value().toString())
			.with(csrf()).with(as(Role.TENANT_ADMIN))).hasStatus(302).redirectedUrl().isEqualTo("/admin");
		verify(administration).create(eq(new Administration.NewMember("ana@example.com", "Ana", "a-long-first-password",
				EnumSet.of(Role.MANAGER), team)), eq(Set.of(Role.TENANT_ADMIN)));

		assertThat(mvc.post().uri("/admin/users").param("name", "Ana").param("email", "not-an-address")
			.param("password", "short").param("role", "USER").with(csrf()).with(as(Role.TENANT_ADMIN))).hasStatus(400)
			.bodyText()
			.contains("class=\"field-error\"", "must be a well-formed email address", "size must be between 10 and 200");
	}

	@Test
	void changesARolesTeamAndDeactivatesButNotOnesOwnAdministration() {
		assertThat(mvc.post().uri("/admin/users/" + maria.id().value()).param("role", "VIEWER").param("team", "")
			.with(csrf()).with(as(Role.TENANT_ADMIN))).hasStatus(302);
		verify(administration).change(eq(maria.id()), eq(EnumSet.of(Role.VIEWER)), eq(null), eq(false),
				eq(Set.of(Role.TENANT_ADMIN)));
	}

	@Test
	void pipelineThresholdsOutOfRangeAreFormErrorsAndNothingIsSaved() {
		assertThat(mvc.post().uri("/admin/settings").param("timezone", "Europe/Madrid").param("locale", "es")
			.param("autoThreshold", "1.5").param("suggestThreshold", "0.4").param("loggedText", "Logged: {title}")
			.param("completedText", "Done").with(csrf()).with(as(Role.TENANT_ADMIN))).hasStatus(400)
			.bodyText()
			.contains("class=\"field-error\"", "must be less than or equal to 1");
		assertThat(mvc.post().uri("/admin/settings").param("timezone", "Europe/Madrid").param("locale", "es")
			.param("autoThreshold", "0.6").param("suggestThreshold", "0.7").param("loggedText", "Logged")
			.param("completedText", " ").with(csrf()).with(as(Role.TENANT_ADMIN))).hasStatus(400)
			.bodyText()
			.contains("Must not be above the threshold for creating tasks", "must not be blank");
		verify(administration, never()).changeTenant(anyString(), anyString(), anyString(), anyMap());

		assertThat(mvc.post().uri("/admin/settings").param("timezone", "Europe/Madrid").param("locale", "es")
			.param("autoThreshold", "0.75").param("suggestThreshold", "0.4").param("notifySender", "true")
			.param("loggedText", "Logged: {title}{due}").param("completedText", "Done: {title}").with(csrf())
			.with(as(Role.TENANT_ADMIN))).hasStatus(302);
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, Object>> saved = ArgumentCaptor.forClass(Map.class);
		verify(administration).changeTenant(eq("Europe/Madrid"), eq("es"), eq("pipeline"), saved.capture());
		assertThat(saved.getValue()).containsEntry("autoThreshold", 0.75)
			.containsEntry("suggestThreshold", 0.4)
			.containsEntry("notifySender", true)
			.containsEntry("loggedText", "Logged: {title}{due}");
	}

	@Test
	void aSuperAdminListsCreatesAndSuspendsTenants() {
		TenantId other = new TenantId(UUID.randomUUID());
		given(administration.tenants(anyString())).willReturn(List.of(new Administration.TenantSummary(other, "Acme",
				"acme", "UTC", "en", false, false, Instant.now())));
		assertThat(mvc.get().uri("/admin/tenants").with(as(Role.SUPER_ADMIN))).hasStatusOk()
			.bodyText()
			.contains("Acme", "acme", "Suspend");
		assertThat(mvc.post().uri("/admin/tenants/" + other.value() + "/suspend").with(csrf()).with(as(Role.SUPER_ADMIN)))
			.hasStatus(302);
		verify(administration).suspend(other, true);
		assertThat(mvc.post().uri("/admin/tenants").param("name", "Beta").param("slug", "Not A Slug")
			.param("timezone", "UTC").param("locale", "en").param("adminName", "B").param("adminEmail", "b@example.com")
			.param("adminPassword", "long-enough-password").with(csrf()).with(as(Role.SUPER_ADMIN))).hasStatus(400)
			.bodyText()
			.contains("must match");
		verify(administration, never()).createTenant(any());
	}
}
