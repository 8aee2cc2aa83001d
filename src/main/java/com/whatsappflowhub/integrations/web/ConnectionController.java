package com.whatsappflowhub.integrations.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.integrations.ConnectionId;
import com.whatsappflowhub.integrations.ConnectionManagement;
import com.whatsappflowhub.integrations.SyncLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** The tenant's connections to Jira, Slack and the like: administered by tenant admins, readable by its staff. */
@Tag(name = "Connections")
@RestController
@RequestMapping("/api/v1/connections")
@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'MANAGER', 'USER')")
class ConnectionController {

	private final ConnectionManagement connections;

	ConnectionController(ConnectionManagement connections) {
		this.connections = connections;
	}

	record NewConnectionBody(@NotBlank @Size(max = 40) String type, @NotBlank @Size(max = 200) String name,
			@Nullable ObjectNode config, @Nullable ObjectNode credentials, @Nullable Boolean enabled) {
	}

	record ChangesBody(@Nullable @Size(max = 200) String name, @Nullable ObjectNode config,
			@Nullable ObjectNode credentials, @Nullable Boolean enabled) {
	}

	@Operation(operationId = "listConnections", summary = "List the tenant's connections", description = "Never with credentials: `hasCredentials` says whether some are stored.")
	@GetMapping
	List<ConnectionManagement.ConnectionView> list() {
		return connections.list();
	}

	@Operation(operationId = "createConnection", summary = "Connect a tool (Jira, Slack)", description = """
			`type` `jira`: `config` `{"baseUrl", "projectKey", "issueType"?, "priorityMap"?, "statusMap"?, \
			"filter"?}`, `credentials` `{"email", "apiToken", "webhookSecret"}` or an OAuth 2.0 \
			`{"accessToken", "refreshToken", "clientId", "clientSecret", "webhookSecret"}`. `type` `slack`: \
			`config` `{"channel", "filter"?}`, `credentials` `{"botToken", "signingSecret"}`. `filter` is a CEL \
			condition over `task` (title, description, priority, status, labels, assignee, team, hasDeadline, \
			confidence, fromWhatsApp) choosing which new tasks go there; without one every new task does. \
			Credentials are sealed and never returned.""")
	@ApiResponse(responseCode = "201", description = "Created; `Location` names the connection.")
	@PostMapping
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	ResponseEntity<ConnectionManagement.ConnectionView> create(@Valid @RequestBody NewConnectionBody body) {
		ConnectionManagement.ConnectionView created = connections.create(new ConnectionManagement.NewConnection(
				body.type(), body.name(), body.config(), body.credentials(), body.enabled()));
		return ResponseEntity.created(URI.create("/api/v1/connections/" + created.id())).body(created);
	}

	@Operation(operationId = "getConnection", summary = "Read a connection")
	@GetMapping("/{id}")
	ConnectionManagement.ConnectionView get(@PathVariable UUID id) {
		return connections.get(new ConnectionId(id));
	}

	@Operation(operationId = "changeConnection", summary = "Change a connection", description = """
			`config` and `credentials` are merged into what is stored (a member set to `null` is removed), so one \
			credential can be rotated alone.""")
	@PatchMapping("/{id}")
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	ConnectionManagement.ConnectionView change(@PathVariable UUID id, @Valid @RequestBody ChangesBody body) {
		return connections.change(new ConnectionId(id), new ConnectionManagement.Changes(body.name(), body.config(),
				body.credentials(), body.enabled()));
	}

	@Operation(operationId = "deleteConnection", summary = "Remove a connection", description = "Its tasks keep their links as history; nothing is pushed any more.")
	@ApiResponse(responseCode = "204", description = "Removed.")
	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		connections.delete(new ConnectionId(id));
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "testConnection", summary = "Check a connection's credentials with the vendor", description = "Jira `GET /rest/api/3/myself`, Slack `auth.test`. `ok: false` with the vendor's reason when refused.")
	@PostMapping("/{id}/test")
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	ConnectionManagement.TestResult test(@PathVariable UUID id) {
		return connections.test(new ConnectionId(id));
	}

	@Operation(operationId = "connectionLog", summary = "Read a connection's sync log", description = """
			Every call to the tool and every event from it, newest first: operation, outcome (`OK`, `RETRY`, \
			`FAILED`, `IGNORED`), duration, HTTP status and the vendor's error. `before` (an entry id) pages back.""")
	@GetMapping("/{id}/log")
	List<SyncLog.Entry> log(@PathVariable UUID id, @RequestParam(required = false) @Nullable Long before,
			@RequestParam(defaultValue = "100") int limit) {
		return connections.log(new ConnectionId(id), before, limit);
	}
}
