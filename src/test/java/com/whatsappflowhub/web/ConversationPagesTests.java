package com.whatsappflowhub.web;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.SignIn;
import com.whatsappflowhub.inbox.ContactId;
import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.inbox.ConversationView;
import com.whatsappflowhub.inbox.Conversations;
import com.whatsappflowhub.inbox.MessageId;
import com.whatsappflowhub.inbox.MessageView;
import com.whatsappflowhub.platform.Conflict;
import com.whatsappflowhub.whatsapp.MessageTemplate;
import com.whatsappflowhub.whatsapp.Replies;
import com.whatsappflowhub.whatsapp.Reply;
import com.whatsappflowhub.whatsapp.SendRefused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.whatsappflowhub.web.TaskPagesTests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The conversation page's reply box with the dashboard's filter chain: who sees it, a text inside the window, the
 * approved templates outside it, form errors (window closed, unknown template, a missing value, Meta's refusal), the
 * htmx fragment, CSRF and the languages.
 */
@WebMvcTest(controllers = ConversationPages.class)
@Import({ DashboardSecurity.class, DashboardLocale.class, Viewers.class, ConversationPagesTests.Fixed.class })
class ConversationPagesTests {

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
	Conversations conversations;

	@MockitoBean
	Replies replies;

	@MockitoBean
	Directory directory;

	@MockitoBean
	SignIn signIn;

	final ConversationId open = new ConversationId(UUID.randomUUID());

	final ConversationId closed = new ConversationId(UUID.randomUUID());

	final MessageTemplate greeting = new MessageTemplate("hello_world", "en_US", "APPROVED", "UTILITY",
			"Hello! How can we help?");

	final MessageTemplate update = new MessageTemplate("request_update", "es", "APPROVED", "UTILITY",
			"Hola {{1}}, novedades: {{2}}.");

	@BeforeEach
	void data() {
		given(directory.settings()).willReturn(new Directory.TenantSettings("Europe/Madrid", "en", Map.of()));
		given(directory.member(any())).willReturn(Optional.empty());
		Instant now = Instant.now();
		given(conversations.conversation(open)).willReturn(Optional.of(conversation(open, now.minus(1, ChronoUnit.HOURS))));
		given(conversations.conversation(closed)).willReturn(Optional.of(conversation(closed, now.minus(2, ChronoUnit.DAYS))));
		given(conversations.messages(any(), anyInt(), anyInt())).willReturn(List.of(message("Can you send the invoice?")));
		given(replies.approvedTemplates(closed)).willReturn(List.of(greeting, update));
	}

	@Test
	void staffWhoWriteToCustomersGetAReplyBoxAndAViewerDoesNot() {
		assertThat(mvc.get().uri("/conversations/" + open.value()).with(as(Role.USER))).hasStatusOk()
			.bodyText()
			.contains("id=\"reply-text\"", "name=\"_csrf\"", "name=\"key\"", "hx-post=\"/conversations/" + open.value() + "/reply\"");
		assertThat(mvc.get().uri("/conversations/" + open.value()).with(as(Role.VIEWER))).hasStatusOk()
			.bodyText()
			.contains("Can you send the invoice?")
			.doesNotContain("id=\"reply\"", "/reply\"");
		assertThat(mvc.post().uri("/conversations/" + open.value() + "/reply").param("text", "Hi").with(csrf())
			.with(as(Role.VIEWER))).hasStatus(403);
		verify(replies, never()).send(any(), any(), any(), any());
	}

	@Test
	void sendsATextInsideTheWindowAndAnswersHtmxWithTheThreadAndAFreshBox() {
		var result = mvc.post().uri("/conversations/" + open.value() + "/reply").param("kind", "text")
			.param("key", "k-1").param("text", "  On its way!  ").header("HX-Request", "true").with(csrf())
			.with(as(Role.MANAGER));
		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("id=\"reply-area\"", "id=\"thread\"", "Sent.")
			.doesNotContain("<html", "value=\"k-1\"");
		verify(replies).send(eq(open), eq(new Reply.Text("On its way!")), eq("dashboard:k-1"), any());

		assertThat(mvc.post().uri("/conversations/" + open.value() + "/reply").param("text", "Again").with(csrf())
			.with(as(Role.TENANT_ADMIN))).hasStatus(302).redirectedUrl().isEqualTo("/conversations/" + open.value());
	}

	@Test
	void outsideTheWindowOffersOnlyTheApprovedTemplatesWithTheirVariables() {
		assertThat(mvc.get().uri("/conversations/" + closed.value()).with(as(Role.USER))).hasStatusOk()
			.bodyText()
			.contains("hello_world (en_US)", "request_update (es)", "data-template=\"request_update|es\"",
					"Value of {{1}}", "Value of {{2}}", "only an approved template can be sent")
			.doesNotContain("id=\"reply-text\"");
	}

	@Test
	void sendsAChosenTemplateWithItsBodyValuesAndTheTextTheCustomerReads() {
		assertThat(mvc.post().uri("/conversations/" + closed.value() + "/reply").param("kind", "template")
			.param("key", "k-2").param("template", "request_update|es").param("parameter", "Ana", "factura enviada")
			.with(csrf()).with(as(Role.USER))).hasStatus(302);
		verify(replies).send(eq(closed), eq(new Reply.Template("request_update", "es", List.of("Ana", "factura enviada"),
				"Hola Ana, novedades: factura enviada.")), eq("dashboard:k-2"), any());
	}

	@Test
	void aTextOutsideTheWindowAnUnknownTemplateOrAMissingValueIsAFormError() {
		assertThat(mvc.post().uri("/conversations/" + closed.value() + "/reply").param("kind", "text")
			.param("text", "Hello?").header("HX-Request", "true").with(csrf()).with(as(Role.USER))).hasStatus(422)
			.bodyText()
			.contains("id=\"reply-error\"", "The 24-hour window is closed", "request_update (es)");
		assertThat(mvc.post().uri("/conversations/" + closed.value() + "/reply").param("kind", "template")
			.param("template", "winter_promo|en_US").with(csrf()).with(as(Role.USER))).hasStatus(422)
			.bodyText()
			.contains("no approved template by that name and language", "<html");
		assertThat(mvc.post().uri("/conversations/" + closed.value() + "/reply").param("kind", "template")
			.param("template", "request_update|es").param("parameter", "Ana", " ").with(csrf()).with(as(Role.USER)))
			.hasStatus(422)
			.bodyText()
			.contains("Fill in every value of the template.", "value=\"Ana\"");
		assertThat(mvc.post().uri("/conversations/" + open.value() + "/reply").param("text", " ").with(csrf())
			.with(as(Role.USER))).hasStatus(422).bodyText().contains("Write a message first.");
		verify(replies, never()).send(any(), any(), any(), any());
	}

	@Test
	void whatTheChannelRefusesIsAFormErrorNotAServerError() {
		given(replies.send(eq(open), any(), any(), any())).willThrow(new SendRefused(HttpStatus.UNPROCESSABLE_CONTENT,
				"message-rejected", "Meta refused the message: 131026 Message undeliverable"));
		assertThat(mvc.post().uri("/conversations/" + open.value() + "/reply").param("text", "Hi").with(csrf())
			.with(as(Role.USER))).hasStatus(422)
			.bodyText()
			.contains("The message was not sent.", "131026 Message undeliverable", "Hi</textarea>");

		org.mockito.BDDMockito.willThrow(new WindowClosed()).given(replies).send(eq(open), any(), any(), any());
		assertThat(mvc.post().uri("/conversations/" + open.value() + "/reply").param("text", "Hi").with(csrf())
			.with(as(Role.USER))).hasStatus(422).bodyText().contains("The 24-hour window is closed");
	}

	@Test
	void aReplyWithoutTheCsrfTokenIsRefused() {
		assertThat(mvc.post().uri("/conversations/" + open.value() + "/reply").param("text", "Hi").with(as(Role.USER)))
			.hasStatus(403);
		verify(replies, never()).send(any(), any(), any(), any());
	}

	@Test
	void theReplyBoxSpeaksSpanishAndPortuguese() {
		given(directory.settings()).willReturn(new Directory.TenantSettings("UTC", "", Map.of()));
		assertThat(mvc.get().uri("/conversations/" + closed.value()).header("Accept-Language", "es").with(as(Role.USER)))
			.hasStatusOk()
			.bodyText()
			.contains("Enviar esta plantilla", "Valor de {{1}}");
		assertThat(mvc.post().uri("/conversations/" + closed.value() + "/reply").param("text", "Olá")
			.header("Accept-Language", "pt").with(csrf()).with(as(Role.USER))).hasStatus(422)
			.bodyText()
			.contains("A janela de 24 horas está fechada");
	}

	static final class WindowClosed extends Conflict {

		WindowClosed() {
			super("window-closed", "The customer last wrote more than 24 hours ago");
		}
	}

	static ConversationView conversation(ConversationId id, Instant lastInbound) {
		Instant closes = lastInbound.plus(24, ChronoUnit.HOURS);
		return new ConversationView(id, "whatsapp", "phone-1",
				new ConversationView.Contact(new ContactId(UUID.randomUUID()), "34600111222", "Ana Ruiz", null), lastInbound,
				lastInbound, closes.isAfter(Instant.now()), closes);
	}

	static MessageView message(String text) {
		return new MessageView(new MessageId(UUID.randomUUID()), new ConversationId(UUID.randomUUID()), "IN", "wamid.1",
				"text", "Text", text, Instant.now().minusSeconds(3600), "34600111222", "Ana Ruiz", null, null, false, false,
				null, null, null, null, List.of(), null, null, List.of(), List.of(), null);
	}
}
