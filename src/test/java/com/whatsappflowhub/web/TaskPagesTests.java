package com.whatsappflowhub.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.SignIn;
import com.whatsappflowhub.inbox.Conversations;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.tasks.Priority;
import com.whatsappflowhub.tasks.TaskId;
import com.whatsappflowhub.tasks.TaskManagement;
import com.whatsappflowhub.tasks.TaskStatus;
import com.whatsappflowhub.tasks.TaskView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The task and review pages with the dashboard's filter chain: roles, validation messages, htmx fragments, i18n. */
@WebMvcTest(controllers = { TaskPages.class, ReviewPages.class })
@Import({ DashboardSecurity.class, DashboardLocale.class, Viewers.class, TaskPagesTests.Fixed.class })
class TaskPagesTests {

	@TestConfiguration
	static class Fixed {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}
	}

	static final TenantId TENANT = new TenantId(UUID.randomUUID());

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	TaskManagement tasks;

	@MockitoBean
	Directory directory;

	@MockitoBean
	Conversations conversations;

	@MockitoBean
	SignIn signIn;

	final TaskView task = task("Send the Acme invoice");

	@BeforeEach
	void tenant() {
		given(directory.settings()).willReturn(new Directory.TenantSettings("Europe/Madrid", "en", Map.of()));
		given(directory.staff()).willReturn(List.of());
		given(directory.teams()).willReturn(List.of());
		given(directory.member(any())).willReturn(Optional.empty());
		given(tasks.get(eq(task.id()), any())).willReturn(task);
		given(tasks.list(any(), any(), any(), anyInt())).willReturn(new TaskManagement.Page(List.of(task), null));
	}

	static RequestPostProcessor as(Role role) {
		DashboardUser user = new DashboardUser(UUID.randomUUID(), TENANT.value(), "Someone", "someone@example.com",
				Set.of(role));
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority(role.authority()))));
	}

	@Test
	void signedOutVisitorsAreSentToTheSignInPage() {
		assertThat(mvc.get().uri("/tasks")).hasStatus(302).redirectedUrl().endsWith("/login");
		assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("name=\"email\"", "name=\"_csrf\"");
	}

	@Test
	void asksForTheSecondFactorsCodeWhenTheAccountHasOne() {
		given(signIn.attempt("ana@example.com", "a-long-password", null)).willReturn(new SignIn.Attempt.CodeRequired());
		var first = mvc.post().uri("/login").param("email", "ana@example.com").param("password", "a-long-password")
			.with(csrf()).exchange();
		assertThat(first).hasStatus(302).redirectedUrl().isEqualTo("/login?code");
		org.springframework.mock.web.MockHttpSession session = (org.springframework.mock.web.MockHttpSession) first.getRequest()
			.getSession();
		assertThat(mvc.get().uri("/login?code").session(session)).hasStatusOk()
			.bodyText()
			.contains("name=\"otp\"", "autocomplete=\"one-time-code\"", "value=\"ana@example.com\"", "second factor");

		given(signIn.attempt("ana@example.com", "a-long-password", "000000")).willReturn(new SignIn.Attempt.Refused());
		assertThat(mvc.post().uri("/login").session(session).param("email", "ana@example.com")
			.param("password", "a-long-password").param("otp", "000000").with(csrf())).hasStatus(302)
			.redirectedUrl()
			.isEqualTo("/login?code&error");

		given(signIn.attempt("ana@example.com", "a-long-password", "123456")).willReturn(new SignIn.Attempt.SignedIn(
				new SignIn.Account(new com.whatsappflowhub.identity.UserId(UUID.randomUUID()), TENANT, "Ana",
						"ana@example.com", Set.of(Role.MANAGER))));
		assertThat(mvc.post().uri("/login").session(session).param("email", "ana@example.com")
			.param("password", "a-long-password").param("otp", "123 456").with(csrf())).hasStatus(302)
			.redirectedUrl()
			.isEqualTo("/tasks");
		assertThat(mvc.get().uri("/login?error")).bodyText().doesNotContain("name=\"otp\"");
	}

	@Test
	void listsTasksAndAnswersAnHtmxRequestWithTheResultsOnly() {
		assertThat(mvc.get().uri("/tasks").with(as(Role.MANAGER))).hasStatusOk()
			.bodyText()
			.contains("<html", "Send the Acme invoice", "id=\"filters\"");
		assertThat(mvc.get().uri("/tasks").header("HX-Request", "true").with(as(Role.MANAGER))).hasStatusOk()
			.bodyText()
			.contains("id=\"results\"", "Send the Acme invoice")
			.doesNotContain("<html", "id=\"filters\"");
	}

	@Test
	void aViewerSeesNoControlsAndIsRefusedAChange() {
		assertThat(mvc.get().uri("/tasks/" + task.id()).with(as(Role.VIEWER))).hasStatusOk()
			.bodyText()
			.contains("Send the Acme invoice")
			.doesNotContain("data-step=", "id=\"edit-form\"");
		assertThat(mvc.post().uri("/tasks/" + task.id() + "/complete").param("version", "0").with(csrf()).with(as(Role.VIEWER)))
			.hasStatus(403)
			.bodyText()
			.contains("Not for your role");
		verify(tasks, never()).complete(any(), any(), any());
	}

	@Test
	void rulesAndAdministrationAreForAdminsOnly() {
		assertThat(mvc.get().uri("/rules").with(as(Role.MANAGER))).hasStatus(403);
		assertThat(mvc.get().uri("/admin").with(as(Role.USER))).hasStatus(403);
		assertThat(mvc.get().uri("/tasks").with(as(Role.MANAGER))).bodyText().doesNotContain("href=\"/rules\"", "href=\"/admin\"");
		assertThat(mvc.get().uri("/tasks").with(as(Role.TENANT_ADMIN))).bodyText().contains("href=\"/rules\"", "href=\"/admin\"");
	}

	@Test
	void showsTheTasksReferencesInOtherTools() {
		TaskView linked = new TaskView(new TaskId(UUID.randomUUID()), TENANT, "Linked", null, Priority.LOW, TaskStatus.OPEN,
				false, null, null, null, null, List.of(), List.of(),
				Map.of("jira", new com.whatsappflowhub.tasks.ExternalRef("c1", "OPS-7", "https://acme.atlassian.net/browse/OPS-7", Instant.now()),
						"slack", new com.whatsappflowhub.tasks.ExternalRef("c2", "C123/456", null, Instant.now())),
				null, null, null, "user:x",
				Instant.now(), Instant.now(), null, null, 0);
		given(tasks.get(eq(linked.id()), any())).willReturn(linked);
		assertThat(mvc.get().uri("/tasks/" + linked.id()).with(as(Role.USER))).hasStatusOk()
			.bodyText()
			.contains("href=\"https://acme.atlassian.net/browse/OPS-7\"", "slack: C123/456");
	}

	@Test
	void aUserCompletesATaskAndReturnsToItsPage() {
		assertThat(mvc.post().uri("/tasks/" + task.id() + "/complete").param("version", "3").with(csrf()).with(as(Role.USER)))
			.hasStatus(302)
			.redirectedUrl()
			.isEqualTo("/tasks/" + task.id());
		verify(tasks).complete(eq(task.id()), eq(3), any());
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefused() {
		assertThat(mvc.post().uri("/tasks/" + task.id() + "/complete").param("version", "0").with(as(Role.USER)))
			.hasStatus(403);
		verify(tasks, never()).complete(any(), any(), any());
	}

	@Test
	void aBlankTitleIsShownAsAFieldErrorAndNothingChanges() {
		assertThat(mvc.post()
			.uri("/tasks/" + task.id())
			.param("title", " ")
			.param("priority", "medium")
			.param("version", "0")
			.with(csrf())
			.with(as(Role.MANAGER))).hasStatus(400).bodyText().contains("class=\"field-error\"", "must not be blank");
		assertThat(mvc.post()
			.uri("/tasks/" + task.id())
			.param("title", "Fine")
			.param("priority", "someday")
			.param("version", "0")
			.with(csrf())
			.with(as(Role.MANAGER))).hasStatus(400).bodyText().contains("must match");
		verify(tasks, never()).change(any(), any(), any(), any());
	}

	@Test
	void reviewDecisionsAnswerHtmxWithAnEmptyItemAndFormsWithTheQueue() {
		assertThat(mvc.post().uri("/review/" + task.id() + "/confirm").header("HX-Request", "true").with(csrf())
			.with(as(Role.MANAGER))).hasStatusOk().bodyText().isEmpty();
		verify(tasks).confirm(eq(task.id()), any());
		assertThat(mvc.post().uri("/review/" + task.id() + "/reject").with(csrf()).with(as(Role.MANAGER))).hasStatus(302)
			.redirectedUrl()
			.isEqualTo("/review");
		verify(tasks).cancel(eq(task.id()), eq(null), eq(ReviewPages.REJECTED), any());
	}

	@Test
	void speaksTheBrowsersLanguageUnlessTheTenantHasOne() {
		given(directory.settings()).willReturn(new Directory.TenantSettings("UTC", "", Map.of()));
		assertThat(mvc.get().uri("/tasks").header("Accept-Language", "es-ES,es;q=0.9").with(as(Role.MANAGER)))
			.bodyText()
			.contains("Tareas", "Abierta");
		assertThat(mvc.get().uri("/tasks").header("Accept-Language", "pt-BR").with(as(Role.MANAGER))).bodyText()
			.contains("Tarefas", "Aberta");
		given(directory.settings()).willReturn(new Directory.TenantSettings("UTC", "es", Map.of()));
		assertThat(mvc.get().uri("/tasks").header("Accept-Language", "pt-BR").with(as(Role.MANAGER))).bodyText()
			.contains("Tareas");
	}

	@Test
	void theLanguagePickedInTheHeaderWinsAndOnlyLeadsBackToThisSite() {
		var picked = mvc.get().uri("/lang?to=pt&back=/tasks?status=OPEN").with(as(Role.USER)).exchange();
		assertThat(picked).hasStatus(302).redirectedUrl().isEqualTo("/tasks?status=OPEN");
		assertThat(picked).cookies().hasValue(DashboardLocale.COOKIE, "pt");
		assertThat(mvc.get().uri("/tasks").cookie(new jakarta.servlet.http.Cookie(DashboardLocale.COOKIE, "pt"))
			.header("Accept-Language", "es").with(as(Role.USER))).bodyText().contains("Tarefas");
		assertThat(mvc.get().uri("/lang?to=es&back=//evil.example/x").with(as(Role.USER))).redirectedUrl().isEqualTo("/");
		assertThat(mvc.get().uri("/lang?to=es&back=https://evil.example/x").with(as(Role.USER))).redirectedUrl().isEqualTo("/");
	}

	@Test
	void highlightsTheEvidenceSpansOverTheAction() {
		String text = "Hi! @Maria can you send the Acme invoice by Friday 5pm? Thanks";
		List<TaskPages.Segment> segments = TaskPages.highlight(text, List.of(
				new com.whatsappflowhub.tasks.Evidence("action", 4, 54, text.substring(4, 54)),
				new com.whatsappflowhub.tasks.Evidence("deadline", 44, 54, "Friday 5pm"),
				new com.whatsappflowhub.tasks.Evidence("assignee", 0, 6, "@Maria")));
		assertThat(segments).extracting(TaskPages.Segment::field)
			.containsExactly(null, "assignee", "action", "deadline", null);
		assertThat(String.join("", segments.stream().map(TaskPages.Segment::text).toList())).isEqualTo(text);
		assertThat(segments.get(3).text()).isEqualTo("Friday 5pm");
	}

	static TaskView task(String title) {
		Instant now = Instant.now();
		return new TaskView(new TaskId(UUID.randomUUID()), TENANT, title, null, Priority.MEDIUM, TaskStatus.OPEN, false,
				null, null, null, null, List.of(), List.of(), Map.of(), null, null, null, "user:x", now, now, null, null, 3);
	}
}
