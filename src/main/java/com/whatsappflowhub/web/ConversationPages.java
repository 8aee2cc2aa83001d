package com.whatsappflowhub.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.inbox.ConversationView;
import com.whatsappflowhub.inbox.Conversations;
import com.whatsappflowhub.platform.Conflict;
import com.whatsappflowhub.platform.InvalidRequest;
import com.whatsappflowhub.platform.NotFound;
import com.whatsappflowhub.whatsapp.MessageTemplate;
import com.whatsappflowhub.whatsapp.Replies;
import com.whatsappflowhub.whatsapp.Reply;
import com.whatsappflowhub.whatsapp.SendRefused;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inbox by last activity with each conversation's 24-hour window ("open, closes in 3 h" / "closed"), and a
 * thread with its delivery ticks (sent, delivered, read, failed with Meta's reason), reactions, edits, deletes and
 * media. Everyone of the tenant but API clients reads them, as in the inbox API.
 *
 * <p>The reply box sends through the channel's {@link Replies}, for the roles that may write to customers (as the
 * send API): a text inside the window, one of the number's approved templates (with its body's variables) outside
 * it. What cannot be sent (the window closed on a text, a template the number does not have, Meta's refusal) is a
 * form error. Each rendered form carries its own idempotency key, so a form sent twice sends once.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN', 'MANAGER', 'USER', 'VIEWER')")
class ConversationPages {

	static final int MAX_TEXT = 4096;

	private final Conversations conversations;

	private final Replies replies;

	ConversationPages(Conversations conversations, Replies replies) {
		this.conversations = conversations;
		this.replies = replies;
	}

	/**
	 * The reply box as the person filled it in.
	 *
	 * @param template {@code name|language} of an approved template
	 * @param error a message key of what went wrong, with {@code detail} when the channel said more
	 */
	record ReplyForm(String key, String text, String template, List<String> parameters, @Nullable String error,
			@Nullable String detail) {

		static ReplyForm blank() {
			return new ReplyForm(UUID.randomUUID().toString(), "", "", List.of(), null, null);
		}

		ReplyForm failed(String error, @Nullable String detail) {
			return new ReplyForm(key, text, template, parameters, error, detail);
		}

		public String parameter(int index) {
			return index < parameters.size() ? parameters.get(index) : "";
		}
	}

	@GetMapping("/conversations")
	String list(Model model) {
		model.addAttribute("conversations", conversations.conversations(100, 0));
		return "dashboard/conversations";
	}

	@GetMapping("/conversations/{id}")
	String thread(@PathVariable UUID id, Model model) {
		show(new ConversationId(id), ReplyForm.blank(), model);
		return "dashboard/conversation";
	}

	@PostMapping("/conversations/{id}/reply")
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'MANAGER', 'USER')")
	String reply(@PathVariable UUID id, @RequestParam(defaultValue = "text") String kind,
			@RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "") String text,
			@RequestParam(defaultValue = "") String template,
			@RequestParam(name = "parameter", required = false) @Nullable List<String> parameters,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			HttpServletResponse response) {
		DashboardUser me = DashboardModel.required();
		if (!mayReply(me)) {
			throw new AccessDeniedException("may not write to customers");
		}
		ConversationId conversation = new ConversationId(id);
		ConversationView view = conversations.conversation(conversation).orElseThrow(ConversationNotFound::new);
		ReplyForm form = new ReplyForm(key.isBlank() ? UUID.randomUUID().toString() : key, text, template,
				parameters == null ? List.of() : List.copyOf(parameters), null, null);
		ReplyForm outcome = "template".equals(kind) ? sendTemplate(conversation, form, me)
				: sendText(view, form, me);
		if (outcome.error() != null) {
			response.setStatus(422);
			show(conversation, outcome, model);
			return htmx != null ? "dashboard/conversation :: reply-area" : "dashboard/conversation";
		}
		if (htmx == null) {
			return "redirect:/conversations/" + id;
		}
		show(conversation, ReplyForm.blank(), model);
		model.addAttribute("sent", true);
		return "dashboard/conversation :: reply-area";
	}

	private ReplyForm sendText(ConversationView view, ReplyForm form, DashboardUser me) {
		String body = form.text().strip();
		if (body.isEmpty()) {
			return form.failed("conversations.reply.text.blank", null);
		}
		if (body.length() > MAX_TEXT) {
			return form.failed("conversations.reply.text.long", null);
		}
		if (!view.windowOpen()) {
			return form.failed("conversations.reply.windowClosed", null); // a text would not reach the customer
		}
		return send(view.id(), new Reply.Text(body), form, me);
	}

	private ReplyForm sendTemplate(ConversationId conversation, ReplyForm form, DashboardUser me) {
		Optional<MessageTemplate> chosen = replies.approvedTemplates(conversation)
			.stream()
			.filter(t -> value(t).equals(form.template()))
			.findFirst();
		if (chosen.isEmpty()) {
			return form.failed("conversations.reply.templateUnknown", null);
		}
		MessageTemplate template = chosen.get();
		List<String> values = new ArrayList<>();
		for (int i = 0; i < template.bodyVariables().size(); i++) {
			String value = form.parameter(i).strip();
			if (value.isEmpty()) {
				return form.failed("conversations.reply.parameter.blank", null);
			}
			values.add(value);
		}
		return send(conversation,
				new Reply.Template(template.name(), template.language(), values, template.render(values)), form, me);
	}

	private ReplyForm send(ConversationId conversation, Reply reply, ReplyForm form, DashboardUser me) {
		try {
			replies.send(conversation, reply, "dashboard:" + form.key(), me.userId());
			return form;
		}
		catch (Conflict refused) {
			return form.failed("window-closed".equals(refused.problemType()) ? "conversations.reply.windowClosed"
					: "conversations.reply.refused", refused.getMessage());
		}
		catch (InvalidRequest | SendRefused refused) {
			return form.failed("conversations.reply.refused", refused.getMessage());
		}
	}

	private void show(ConversationId conversation, ReplyForm form, Model model) {
		ConversationView view = conversations.conversation(conversation).orElseThrow(ConversationNotFound::new);
		DashboardUser me = DashboardModel.required();
		boolean canReply = mayReply(me);
		model.addAttribute("conversation", view);
		model.addAttribute("messages", conversations.messages(conversation, 500, 0));
		model.addAttribute("canReply", canReply);
		model.addAttribute("reply", form);
		model.addAttribute("templates", canReply && !view.windowOpen()
				? replies.approvedTemplates(conversation).stream().map(TemplateOption::new).toList()
				: Collections.emptyList());
	}

	/** The send API's rule: staff who write to customers; viewers and super admins (of no tenant's staff) do not. */
	static boolean mayReply(DashboardUser me) {
		return Replies.SENDING_ROLES.stream().anyMatch(me::has);
	}

	/** An approved template in the reply box. */
	record TemplateOption(MessageTemplate template, String value) {

		TemplateOption(MessageTemplate template) {
			this(template, ConversationPages.value(template));
		}
	}

	/** A template's value in the form: {@code name|language}. */
	static String value(MessageTemplate template) {
		return template.name() + "|" + template.language();
	}

	static final class ConversationNotFound extends NotFound {

		ConversationNotFound() {
			super("no such conversation");
		}
	}
}
