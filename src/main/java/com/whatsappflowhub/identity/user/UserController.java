package com.whatsappflowhub.identity.user;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.TenantContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Users & teams")
@RestController
@RequestMapping("/api/v1/users")
@Validated
class UserController {

	static final String PHONE = "^\\+?[0-9 ()-]{6,20}$";

	static final String SCOPE = "^[a-z]+:(read|write)$";

	private final UserManagement users;

	private final StaffDirectory directory;

	UserController(UserManagement users, StaffDirectory directory) {
		this.directory = directory;
		this.users = users;
	}

	record CreateUser(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String name,
			@Nullable @Pattern(regexp = PHONE) String phone, @Nullable @Size(min = 10, max = 200) String password,
			@NotEmpty Set<Role> roles, @Nullable UUID teamId, @Nullable Set<@Pattern(regexp = SCOPE) String> scopes) {
	}

	record ChangeUser(@Nullable @Size(min = 1, max = 200) String name, @Nullable @Pattern(regexp = PHONE) String phone,
			@Nullable @Size(min = 1) Set<Role> roles, @Nullable UUID teamId, @Nullable Boolean active,
			@Nullable @Size(min = 10, max = 200) String password,
			@Nullable Set<@Pattern(regexp = SCOPE) String> scopes) {
	}

	/** Who the caller is. Users of an external identity provider may have no row here: their token speaks. */
	record Me(String id, String tenantId, @Nullable String email, @Nullable String name, Set<String> roles,
			@Nullable TeamId teamId, @Nullable Instant lastLoginAt, boolean external) {
	}

	@Operation(operationId = "getMe", summary = "Who the caller is", description = """
			The caller's id, tenant and roles. For a user of the external OpenID Connect provider without an account \
			here, `external` is true and the fields come from the token.""")
	@GetMapping("/me")
	Me me(Authentication authentication) {
		Jwt jwt = (Jwt) authentication.getPrincipal();
		Set<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring(5))
			.collect(Collectors.toCollection(java.util.TreeSet::new));
		try {
			User user = users.user(new UserId(UUID.fromString(jwt.getSubject())));
			return new Me(user.id().toString(), user.tenantId().toString(), user.email(), user.name(), roles,
					user.teamId(), user.lastLoginAt(), false);
		}
		catch (IllegalArgumentException | UserNotFound notOurs) {
			return new Me(jwt.getSubject(), TenantContext.require().toString(), jwt.getClaimAsString("email"),
					jwt.getClaimAsString("name"), roles, null, null, true);
		}
	}

	@Operation(operationId = "listUsers", summary = "List the tenant's users", description = "A page of up to `limit` users from `offset`.")
	@GetMapping
	@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN', 'MANAGER')")
	List<User> list(@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		return users.users(limit, offset);
	}

	@Operation(operationId = "createUser", summary = "Create a user", description = """
			E-mails are unique (409 `email-taken`). A tenant admin cannot grant `SUPER_ADMIN` (400 \
			`role-not-grantable`). `scopes` (`tasks:read`, `tasks:write`) are what an `API_CLIENT` user may do. Without \
			a password the user cannot sign in with one (external provider only).""")
	@ApiResponse(responseCode = "201", description = "Created; `Location` names the user.")
	@PostMapping
	@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN')")
	ResponseEntity<User> create(@Valid @RequestBody CreateUser request, Authentication caller) {
		User user = users.create(new UserManagement.NewUser(request.email(), request.name(), request.phone(),
				request.password(), request.roles(), request.teamId() == null ? null : new TeamId(request.teamId()),
				request.scopes() == null ? Set.of() : request.scopes()), rolesOf(caller));
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
	}

	@Operation(operationId = "getUser", summary = "Read a user")
	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN', 'MANAGER')")
	User get(@PathVariable UUID id) {
		return users.user(new UserId(id));
	}

	@Operation(operationId = "changeUser", summary = "Change a user", description = "Only the fields sent change; `active: false` deactivates, `password` sets a new one.")
	@PatchMapping("/{id}")
	@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN')")
	User change(@PathVariable UUID id, @Valid @RequestBody ChangeUser request, Authentication caller) {
		return users.change(new UserId(id),
				new UserManagement.UserChanges(request.name(), request.phone(), request.roles(),
						request.teamId() == null ? null : new TeamId(request.teamId()), request.active(),
						request.password(), request.scopes()),
				rolesOf(caller));
	}

	@Operation(operationId = "deactivateUser", summary = "Deactivate a user", description = "The user can no longer sign in; their tasks, comments and history stay.")
	@ApiResponse(responseCode = "204", description = "Deactivated.")
	@DeleteMapping("/{id}")
	@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN')")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		users.deactivate(new UserId(id));
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "getExternalIdentities", summary = "Who a user is in the connected tools", description = """
			By tool: `{"jira": "<accountId>", "slack": "U123"}`. Filled by admins, or found by e-mail the first \
			time a task of the user goes to the tool.""")
	@GetMapping("/{id}/external-identities")
	@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN', 'MANAGER')")
	java.util.Map<String, String> externalIdentities(@PathVariable UUID id) {
		users.user(new UserId(id));
		return directory.externalIdentities(new UserId(id));
	}

	@Operation(operationId = "replaceExternalIdentities", summary = "Set who a user is in the connected tools", description = """
			Replaces them all; keys are tool types (`jira`, `slack`), values their user ids. An id another user had \
			moves to this one.""")
	@PutMapping("/{id}/external-identities")
	@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN')")
	java.util.Map<String, String> replaceExternalIdentities(@PathVariable UUID id,
			@RequestBody java.util.Map<String, String> identities) {
		users.user(new UserId(id));
		for (java.util.Map.Entry<String, String> identity : identities.entrySet()) {
			if (!identity.getKey().matches("[a-z][a-z0-9_-]{0,31}") || identity.getValue() == null
					|| identity.getValue().isBlank() || identity.getValue().length() > 200) {
				throw new InvalidExternalIdentity(identity.getKey());
			}
		}
		directory.replaceExternalIdentities(new UserId(id), identities);
		return directory.externalIdentities(new UserId(id));
	}

	/** A tool identity that is not a lower-case tool name with a non-empty id. API: 400. */
	static final class InvalidExternalIdentity extends com.whatsappflowhub.platform.InvalidRequest {

		InvalidExternalIdentity(String tool) {
			super("invalid-external-identity", "external identity '" + tool
					+ "' must be a lower-case tool name (jira, slack) with a user id of 1 to 200 characters");
		}
	}

	static Set<Role> rolesOf(Authentication authentication) {
		return Role.of(authentication.getAuthorities());
	}
}
