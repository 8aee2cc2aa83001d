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
import com.whatsappflowhub.platform.InvalidRequest;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.platform.Unavailable;
import com.whatsappflowhub.whatsapp.number.BusinessNumberRecord;
import com.whatsappflowhub.whatsapp.number.NumberManagement;
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

	@MockitoBean
	NumberManagement numbers;

	final BusinessNumberRecord number = new BusinessNumberRecord(UUID.randomUUID(), TaskPagesTests.TENANT, "106540352242922",
			"102290129340398", "+1 555 0100", BusinessNumberRecord.ACTIVE, null, true, false, null, Instant.now(),
			Instant.now());

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
		given(numbers.list()).willReturn(List.of(number));
	}

	@Test
	void aTenantAdminSeesTheTenantsNumbersWithoutTheirSecrets() {
		assertThat(mvc.get().uri("/admin").with(as(Role.TENANT_ADMIN))).hasStatusOk()
			.bodyText()
			.contains("id=\"numbers\"", "+1 555 0100", "106540352242922", "102290129340398", "its own Meta app",
					"action=\"/admin/numbers/" + number.id() + "/remove\"", "id=\"new-number\"");
		assertThat(mvc.get().uri("/admin").with(as(Role.SUPER_ADMIN))).hasStatusOk()
			.bodyText()
			.doesNotContain("id=\"numbers\"");
		assertThat(mvc.post().uri("/admin/numbers").param("phoneNumberId", "1").param("businessAccountId", "2")
			.param("displayNumber", "+1").param("accessToken", "t").with(csrf()).with(as(Role.MANAGER))).hasStatus(403);
		verify(numbers, never()).register(any());
	}

	@Test
	void registersANumberAndShowsAFailedProofAsAFormErrorWithoutEchoingTheSecrets() {
		assertThat(mvc.post().uri("/admin/numbers").param("phoneNumberId", "106540352242923")
			.param("businessAccountId", "102290129340398").param("displayNumber", "+1 555 0101")
			.param("accessToken", "EAAG-token-one").param("appSecret", "").with(csrf()).with(as(Role.TENANT_ADMIN)))
			.hasStatus(302).redirectedUrl().isEqualTo("/admin#numbers");
		verify(numbers).register(new NumberManagement.Registration("106540352242923", "102290129340398", "+1 555 0101",
				"EAAG-token-one", null, null, null));

		given(numbers.register(any())).willThrow(new NotProved());
		assertThat(mvc.post().uri("/admin/numbers").param("phoneNumberId", "106540352242924")
			.param("businessAccountId", "102290129340398").param("displayNumber", "+1 555 0102")
			.param("accessToken", "EAAG-secret-token").param("appSecret", "an-app-secret-value").with(csrf())
			.with(as(Role.TENANT_ADMIN))).hasStatus(400)
			.bodyText()
			.contains("Meta did not answer for this number with this token", "Graph API error 100", "value=\"106540352242924\"")
			.doesNotContain("EAAG-secret-token", "an-app-secret-value");

		org.mockito.BDDMockito.willThrow(new Unreachable()).given(numbers).register(any());
		assertThat(mvc.post().uri("/admin/numbers").param("phoneNumberId", "106540352242925")
			.param("businessAccountId", "102290129340398").param("displayNumber", "+1 555 0103")
			.param("accessToken", "EAAG-token-three").with(csrf()).with(as(Role.TENANT_ADMIN))).hasStatus(400)
			.bodyText()
			.contains("Graph API could not be reached");

		assertThat(mvc.post().uri("/admin/numbers").param("phoneNumberId", "has spaces").param("businessAccountId", "")
			.param("displayNumber", "+1").param("accessToken", "x").param("appSecret", "short").with(csrf())
			.with(as(Role.TENANT_ADMIN))).hasStatus(400)
			.bodyText()
			.contains("class=\"field-error\"", "must match", "must not be blank", "at least 8 characters");
	}

	@Test
	void changesANumbersTokenAndDisplayAndRemovesIt() {
		assertThat(mvc.post().uri("/admin/numbers/" + number.id()).param("displayNumber", "+1 555 0199")
			.param("accessToken", "").param("appSecret", "").param("clearAppSecret", "true").with(csrf())
			.with(as(Role.TENANT_ADMIN))).hasStatus(302);
		verify(numbers).change(number.id(), new NumberManagement.Change("+1 555 0199", null, null, true, null, false,
				null, false, null));
		assertThat(mvc.post().uri("/admin/numbers/" + number.id() + "/remove").with(csrf()).with(as(Role.TENANT_ADMIN)))
			.hasStatus(302).redirectedUrl().isEqualTo("/admin#numbers");
		verify(numbers).remove(number.id());
		assertThat(mvc.post().uri("/admin/numbers/" + number.id() + "/remove").with(as(Role.TENANT_ADMIN))).hasStatus(403);
	}

	static final class NotProved extends InvalidRequest {

		NotProved() {
			super("number-not-proved", "Meta did not answer for phone_number_id 106540352242924 with the supplied access "
					+ "token: Graph API error 100 (Invalid parameter).");
		}
	}

	static final class Unreachable extends Unavailable {

		Unreachable() {
			super("graph-unreachable", "The WhatsApp Graph API did not answer");
		}
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
