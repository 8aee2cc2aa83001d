package com.whatsappflowhub.web;

import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.integrations.ConnectionId;
import com.whatsappflowhub.integrations.ConnectionManagement;
import com.whatsappflowhub.integrations.SyncLog;
import com.whatsappflowhub.platform.Conflict;
import com.whatsappflowhub.platform.InvalidRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The integration hub's connections (Jira, Slack): the list, a new connection, its test against the vendor, its sync
 * log, enabling and disabling. Tenant admins change them; managers read them. Credentials are write-only: the page
 * never shows one, only whether the connection has them. Everything goes through {@link ConnectionManagement}.
 */
@Controller
@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'SUPER_ADMIN', 'MANAGER')")
class ConnectionPages {

	static final int LOG_LINES = 50;

	private final ConnectionManagement connections;

	private final JsonMapper json;

	ConnectionPages(ConnectionManagement connections, JsonMapper json) {
		this.connections = connections;
		this.json = json;
	}

	/**
	 * A new connection's fields: Jira's site, project, issue type and API token (or Slack's channel, bot token and
	 * signing secret). The connector checks them and says which one is wrong.
	 */
	record NewConnectionForm(@NotBlank @Pattern(regexp = "jira|slack") String type, @NotBlank @Size(max = 200) String name,
			@Nullable String baseUrl, @Nullable String projectKey, @Nullable String issueType, @Nullable String email,
			@Nullable String apiToken, @Nullable String webhookSecret, @Nullable String channel,
			@Nullable String botToken, @Nullable String signingSecret) {

		static NewConnectionForm blank() {
			return new NewConnectionForm("jira", "", "", "", "Task", "", "", "", "", "", "");
		}
	}

	@GetMapping("/connections")
	String list(Model model) {
		model.addAttribute("connections", connections.list());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", NewConnectionForm.blank());
		}
		return "dashboard/connections";
	}

	@PostMapping("/connections")
	String create(@Valid @ModelAttribute("form") NewConnectionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		admin();
		if (!errors.hasErrors()) {
			ObjectNode config = json.createObjectNode();
			ObjectNode credentials = json.createObjectNode();
			if (form.type().equals("jira")) {
				put(config, "baseUrl", form.baseUrl());
				put(config, "projectKey", form.projectKey());
				put(config, "issueType", form.issueType());
				put(credentials, "email", form.email());
				put(credentials, "apiToken", form.apiToken());
				put(credentials, "webhookSecret", form.webhookSecret());
			}
			else {
				put(config, "channel", form.channel());
				put(credentials, "botToken", form.botToken());
				put(credentials, "signingSecret", form.signingSecret());
			}
			try {
				ConnectionManagement.ConnectionView created = connections.create(
						new ConnectionManagement.NewConnection(form.type(), form.name().trim(), config, credentials, true));
				redirect.addFlashAttribute("saved", true);
				return "redirect:/connections/" + created.id().value();
			}
			catch (InvalidRequest | Conflict refused) {
				errors.reject("connections.invalid", new Object[] { refused.getMessage() }, refused.getMessage());
			}
		}
		response.setStatus(400);
		return list(model);
	}

	@GetMapping("/connections/{id}")
	String connection(@PathVariable UUID id, Model model) {
		ConnectionId connection = new ConnectionId(id);
		model.addAttribute("connection", connections.get(connection));
		List<SyncLog.Entry> log = connections.log(connection, null, LOG_LINES);
		model.addAttribute("log", log);
		return "dashboard/connection";
	}

	@PostMapping("/connections/{id}/test")
	String test(@PathVariable UUID id, RedirectAttributes redirect) {
		admin();
		ConnectionManagement.TestResult result = connections.test(new ConnectionId(id));
		redirect.addFlashAttribute("test", result);
		return "redirect:/connections/" + id;
	}

	@PostMapping("/connections/{id}/{state:enable|disable}")
	String enable(@PathVariable UUID id, @PathVariable String state, RedirectAttributes redirect) {
		admin();
		connections.change(new ConnectionId(id), new ConnectionManagement.Changes(null, null, null, state.equals("enable")));
		redirect.addFlashAttribute("saved", true);
		return "redirect:/connections/" + id;
	}

	private static void put(ObjectNode node, String field, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			node.put(field, value.trim());
		}
	}

	/** Managers read the connections; only admins change or test them. */
	private static void admin() {
		if (!DashboardModel.required().isAdmin()) {
			throw new AccessDeniedException("connections are changed by tenant admins");
		}
	}
}
