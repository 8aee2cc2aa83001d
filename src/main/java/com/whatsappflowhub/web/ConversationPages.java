package com.whatsappflowhub.web;

import java.util.UUID;

import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.inbox.ConversationView;
import com.whatsappflowhub.inbox.Conversations;
import com.whatsappflowhub.platform.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The inbox by last activity with each conversation's 24-hour window ("open, closes in 3 h" / "closed"), and a
 * thread with its delivery ticks (sent, delivered, read, failed with Meta's reason), reactions, edits, deletes and
 * media. Everyone of the tenant but API clients reads them, as in the inbox API.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN', 'MANAGER', 'USER', 'VIEWER')")
class ConversationPages {

	private final Conversations conversations;

	ConversationPages(Conversations conversations) {
		this.conversations = conversations;
	}

	@GetMapping("/conversations")
	String list(Model model) {
		model.addAttribute("conversations", conversations.conversations(100, 0));
		return "dashboard/conversations";
	}

	@GetMapping("/conversations/{id}")
	String thread(@PathVariable UUID id, Model model) {
		ConversationId conversation = new ConversationId(id);
		ConversationView view = conversations.conversation(conversation).orElseThrow(() -> new ConversationNotFound());
		model.addAttribute("conversation", view);
		model.addAttribute("messages", conversations.messages(conversation, 500, 0));
		return "dashboard/conversation";
	}

	static final class ConversationNotFound extends NotFound {

		ConversationNotFound() {
			super("no such conversation");
		}
	}
}
