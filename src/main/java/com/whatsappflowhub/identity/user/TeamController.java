package com.whatsappflowhub.identity.user;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Users & teams")
@RestController
@RequestMapping("/api/v1/teams")
class TeamController {

	private final UserManagement users;

	TeamController(UserManagement users) {
		this.users = users;
	}

	record CreateTeam(@NotBlank @Size(max = 200) String name) {
	}

	record TeamWithMembers(Team team, List<User> members) {
	}

	@Operation(operationId = "listTeams", summary = "List the tenant's teams")
	@GetMapping
	@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN', 'MANAGER', 'USER', 'VIEWER')")
	List<Team> list() {
		return users.teams();
	}

	@Operation(operationId = "createTeam", summary = "Create a team", description = "Team names are unique in a tenant (409 `team-name-taken`).")
	@ApiResponse(responseCode = "201", description = "Created; `Location` names the team.")
	@PostMapping
	@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN')")
	ResponseEntity<Team> create(@Valid @RequestBody CreateTeam request) {
		Team team = users.createTeam(request.name());
		return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(team);
	}

	@Operation(operationId = "getTeam", summary = "Read a team with its members")
	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN', 'MANAGER', 'USER', 'VIEWER')")
	TeamWithMembers get(@PathVariable UUID id) {
		TeamId team = new TeamId(id);
		return new TeamWithMembers(users.team(team), users.members(team));
	}

	@Operation(operationId = "addTeamMember", summary = "Put a user in a team", description = "A user is in one team at most: this moves them from their previous team. Answers the user.")
	@PutMapping("/{id}/members/{userId}")
	@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN')")
	User addMember(@PathVariable UUID id, @PathVariable UUID userId) {
		return users.join(new TeamId(id), new UserId(userId));
	}

	@Operation(operationId = "removeTeamMember", summary = "Take a user out of a team")
	@ApiResponse(responseCode = "204", description = "Removed.")
	@DeleteMapping("/{id}/members/{userId}")
	@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN')")
	ResponseEntity<Void> removeMember(@PathVariable UUID id, @PathVariable UUID userId) {
		users.leave(new TeamId(id), new UserId(userId));
		return ResponseEntity.noContent().build();
	}
}
