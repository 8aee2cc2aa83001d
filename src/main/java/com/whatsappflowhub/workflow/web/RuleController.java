package com.whatsappflowhub.workflow.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.whatsappflowhub.workflow.Decision;
import com.whatsappflowhub.workflow.Rule;
import com.whatsappflowhub.workflow.RuleAction;
import com.whatsappflowhub.workflow.RuleId;
import com.whatsappflowhub.workflow.RuleInput;
import com.whatsappflowhub.workflow.RoutingRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
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

/** Routing rules of the caller's tenant; administered by its tenant admins. */
@Tag(name = "Rules")
@RestController
@RequestMapping("/api/v1/rules")
@PreAuthorize("hasRole('TENANT_ADMIN')")
class RuleController {

	private final RoutingRules rules;

	RuleController(RoutingRules rules) {
		this.rules = rules;
	}

	record RuleBody(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 4000) String condition,
			@NotNull @Size(max = 20) List<RuleAction> actions, boolean stopProcessing, @Nullable Boolean enabled,
			@Nullable Integer position) {

		RoutingRules.NewRule toNewRule() {
			return new RoutingRules.NewRule(name, condition, actions, stopProcessing, enabled, position);
		}
	}

	record Order(@NotNull List<UUID> ids) {
	}

	/** A sample to try the rules on; absent parts are empty. */
	record Sample(@Nullable Map<String, Object> message, @Nullable Map<String, Object> analysis,
			@Nullable Map<String, Object> task, @Nullable Map<String, Object> sender) {

		RuleInput toInput() {
			return new RuleInput(message == null ? Map.of() : message, analysis == null ? Map.of() : analysis,
					task == null ? Map.of() : task, sender == null ? Map.of() : sender);
		}
	}

	@Operation(operationId = "listRules", summary = "List the routing rules in evaluation order")
	@GetMapping
	List<Rule> list() {
		return rules.rules();
	}

	@Operation(operationId = "createRule", summary = "Create a routing rule", description = """
			`condition` is a CEL expression over `message`, `analysis`, `task` and `sender`, e.g. \
			`task.priority in ['high', 'urgent'] && message.language == 'es'`; one that does not compile is 400 naming \
			the line and column. `actions` run in order when it matches: `set_priority`, `assign_user`, `assign_team` \
			(round robin among the team's active members), `add_labels`, `notify_sender`, `require_confirmation`. \
			`stopProcessing` ends the evaluation after this rule. Without `position` it goes last.""")
	@ApiResponse(responseCode = "201", description = "Created; `Location` names the rule.")
	@PostMapping
	ResponseEntity<Rule> create(@Valid @RequestBody RuleBody body) {
		Rule rule = rules.create(body.toNewRule());
		return ResponseEntity.created(URI.create("/api/v1/rules/" + rule.id())).body(rule);
	}

	@Operation(operationId = "getRule", summary = "Read a routing rule")
	@GetMapping("/{id}")
	Rule get(@PathVariable UUID id) {
		return rules.rule(new RuleId(id));
	}

	@Operation(operationId = "replaceRule", summary = "Replace a routing rule", description = "The whole rule, as for creating one; its id stays.")
	@PutMapping("/{id}")
	Rule replace(@PathVariable UUID id, @Valid @RequestBody RuleBody body) {
		return rules.replace(new RuleId(id), body.toNewRule());
	}

	@Operation(operationId = "deleteRule", summary = "Delete a routing rule")
	@ApiResponse(responseCode = "204", description = "Deleted.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		rules.delete(new RuleId(id));
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "enableRule", summary = "Enable a routing rule")
	@PostMapping("/{id}/enable")
	Rule enable(@PathVariable UUID id) {
		return rules.enable(new RuleId(id), true);
	}

	@Operation(operationId = "disableRule", summary = "Disable a routing rule", description = "It keeps its place and is skipped until enabled.")
	@PostMapping("/{id}/disable")
	Rule disable(@PathVariable UUID id) {
		return rules.enable(new RuleId(id), false);
	}

	@Operation(operationId = "reorderRules", summary = "Set the evaluation order", description = "`ids` lists the tenant's rules in the new order; answers them in that order.")
	@PostMapping("/reorder")
	List<Rule> reorder(@Valid @RequestBody Order order) {
		return rules.reorder(order.ids().stream().map(RuleId::new).toList());
	}

	@Operation(operationId = "listRuleFailures", summary = "Read a rule's run-time failures", description = """
			A rule whose condition or action fails on a task (a missing field, a user that left) is recorded here and \
			skipped; it never blocks the other rules.""")
	@GetMapping("/{id}/failures")
	List<RoutingRules.FailureRecord> failures(@PathVariable UUID id) {
		return rules.failures(new RuleId(id));
	}

	/** Which rules match the sample and what they would do. Changes nothing. */
	@Operation(operationId = "dryRunRules", summary = "Try the rules on a sample without changing anything", description = """
			Which enabled rules match the sample (`message`, `analysis`, `task`, `sender`; absent parts are empty) \
			and what they would do, in order.""")
	@PostMapping("/dry-run")
	Decision dryRun(@RequestBody Sample sample) {
		return rules.dryRun(sample.toInput());
	}
}
