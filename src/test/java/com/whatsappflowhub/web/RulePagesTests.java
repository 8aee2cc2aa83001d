package com.whatsappflowhub.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.SignIn;
import com.whatsappflowhub.workflow.Decision;
import com.whatsappflowhub.workflow.InvalidRule;
import com.whatsappflowhub.workflow.Rule;
import com.whatsappflowhub.workflow.RuleAction;
import com.whatsappflowhub.workflow.RuleId;
import com.whatsappflowhub.workflow.RuleInput;
import com.whatsappflowhub.workflow.RoutingRules;
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
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The rule editor and the dry run with the dashboard's filter chain: saving, compile errors, roles, htmx. */
@WebMvcTest(controllers = RulePages.class)
@Import({ DashboardSecurity.class, DashboardLocale.class, Viewers.class, RulePagesTests.Fixed.class })
class RulePagesTests {

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
	RoutingRules rules;

	@MockitoBean
	Directory directory;

	@MockitoBean
	SignIn signIn;

	final UUID team = UUID.randomUUID();

	@BeforeEach
	void tenant() {
		given(directory.settings()).willReturn(new Directory.TenantSettings("UTC", "en", Map.of()));
		given(directory.staff()).willReturn(List.of());
		given(directory.teams()).willReturn(List.of(new Directory.TeamRef(new com.whatsappflowhub.identity.TeamId(team), "Billing")));
		given(rules.rules()).willReturn(List.of());
	}

	@Test
	void anAdminSavesANewRuleWithItsActions() {
		assertThat(mvc.post()
			.uri("/rules")
			.param("name", "Urgent invoices")
			.param("condition", "message.text.contains('invoice')")
			.param("priority", "high")
			.param("assignTeam", team.toString())
			.param("labels", "billing, urgent ,")
			.param("enabled", "true")
			.with(csrf())
			.with(as(Role.TENANT_ADMIN))).hasStatus(302).redirectedUrl().isEqualTo("/rules");
		ArgumentCaptor<RoutingRules.NewRule> saved = ArgumentCaptor.forClass(RoutingRules.NewRule.class);
		verify(rules).create(saved.capture());
		assertThat(saved.getValue().name()).isEqualTo("Urgent invoices");
		assertThat(saved.getValue().enabled()).isTrue();
		assertThat(saved.getValue().actions()).containsExactly(new RuleAction.SetPriority("high"),
				new RuleAction.AssignTeam(team), new RuleAction.AddLabels(List.of("billing", "urgent")));
	}

	@Test
	void aConditionThatDoesNotCompileIsShownAtItsLineAndColumnAndNothingIsSaved() {
		InvalidRule invalid = mock(InvalidRule.class);
		given(invalid.getMessage()).willReturn("line 1, column 9: undeclared reference to 'mesage'");
		given(rules.create(any())).willThrow(invalid);
		assertThat(mvc.post()
			.uri("/rules")
			.param("name", "Broken")
			.param("condition", "1 == 1 && mesage.text")
			.param("priority", "high")
			.with(csrf())
			.with(as(Role.TENANT_ADMIN))).hasStatus(400)
			.bodyText()
			.contains("class=\"field-error\"", "line 1, column 9: undeclared reference to &#39;mesage&#39;",
					"1 == 1 &amp;&amp; mesage.text");
	}

	@Test
	void aRuleThatDoesNothingOrHasNoNameIsAFormError() {
		assertThat(mvc.post().uri("/rules").param("name", "Idle").param("condition", "true").with(csrf())
			.with(as(Role.TENANT_ADMIN))).hasStatus(400).bodyText().contains("A rule must do something");
		assertThat(mvc.post().uri("/rules").param("name", " ").param("condition", "true").param("priority", "low")
			.with(csrf()).with(as(Role.TENANT_ADMIN))).hasStatus(400).bodyText().contains("must not be blank");
		verify(rules, never()).create(any());
	}

	@Test
	void editingARuleKeepsItsPushesToAConnection() {
		RuleId id = new RuleId(UUID.randomUUID());
		UUID connection = UUID.randomUUID();
		Rule rule = new Rule(id, "To Jira", 10, true, "true",
				List.of(new RuleAction.SetPriority("low"), new RuleAction.PushTo(connection)), false, Instant.now(),
				Instant.now());
		given(rules.rule(id)).willReturn(rule);
		assertThat(mvc.get().uri("/rules/" + id.value()).with(as(Role.TENANT_ADMIN))).hasStatusOk()
			.bodyText()
			.contains("value=\"To Jira\"", "<option value=\"low\" selected=\"selected\"");
		assertThat(mvc.post().uri("/rules/" + id.value()).param("name", "To Jira").param("condition", "true")
			.param("priority", "urgent").with(csrf()).with(as(Role.TENANT_ADMIN))).hasStatus(302);
		ArgumentCaptor<RoutingRules.NewRule> saved = ArgumentCaptor.forClass(RoutingRules.NewRule.class);
		verify(rules).replace(eq(id), saved.capture());
		assertThat(saved.getValue().actions()).containsExactly(new RuleAction.SetPriority("urgent"),
				new RuleAction.PushTo(connection));
		assertThat(saved.getValue().enabled()).isFalse();
	}

	@Test
	void theDryRunAnswersHtmxWithWhatTheRulesWouldDo() {
		RuleId id = new RuleId(UUID.randomUUID());
		given(rules.dryRun(any())).willReturn(new Decision(
				List.of(new Decision.Match(id, "Spanish invoices", List.of(), true)), "urgent", null, team,
				List.of("billing"), List.of(), true, List.of(), List.of()));
		assertThat(mvc.post()
			.uri("/rules/dry-run")
			.header("HX-Request", "true")
			.param("text", "¿Me mandas la factura?")
			.param("language", "es")
			.param("senderRole", "customer")
			.param("priority", "medium")
			.param("confidence", "0.9")
			.param("actionable", "true")
			.with(csrf())
			.with(as(Role.TENANT_ADMIN))).hasStatusOk()
			.bodyText()
			.contains("id=\"dry-result\"", "Spanish invoices", "stops here", "Urgent", "Billing", "billing")
			.doesNotContain("<html");
		ArgumentCaptor<RuleInput> input = ArgumentCaptor.forClass(RuleInput.class);
		verify(rules).dryRun(input.capture());
		assertThat(input.getValue().message()).containsEntry("language", "es").containsEntry("text", "¿Me mandas la factura?");
		assertThat(input.getValue().analysis()).containsEntry("confidence", 0.9).containsEntry("actionable", true);
		assertThat(input.getValue().sender()).containsEntry("role", "customer");

		assertThat(mvc.post().uri("/rules/dry-run").header("HX-Request", "true").param("text", "x")
			.param("language", "Spanish!").param("senderRole", "customer").param("priority", "medium")
			.param("confidence", "7").with(csrf()).with(as(Role.TENANT_ADMIN))).hasStatus(400)
			.bodyText()
			.contains("The sample is not valid");
	}

	@Test
	void aManagerCannotSaveRules() {
		assertThat(mvc.post().uri("/rules").param("name", "x").param("condition", "true").param("priority", "low")
			.with(csrf()).with(as(Role.MANAGER))).hasStatus(403);
		verify(rules, never()).create(any());
	}
}
