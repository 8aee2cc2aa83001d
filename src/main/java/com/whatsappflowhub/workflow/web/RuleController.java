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

/** Routing rules of the caller's tenant; administered by its tenant admins. */
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

	@GetMapping
	List<Rule> list() {
		return rules.rules();
	}

	@PostMapping
	ResponseEntity<Rule> create(@Valid @RequestBody RuleBody body) {
		Rule rule = rules.create(body.toNewRule());
		return ResponseEntity.created(URI.create("/api/v1/rules/" + rule.id())).body(rule);
	}

	@GetMapping("/{id}")
	Rule get(@PathVariable UUID id) {
		return rules.rule(new RuleId(id));
	}

	@PutMapping("/{id}")
	Rule replace(@PathVariable UUID id, @Valid @RequestBody RuleBody body) {
		return rules.replace(new RuleId(id), body.toNewRule());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		rules.delete(new RuleId(id));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/enable")
	Rule enable(@PathVariable UUID id) {
		return rules.enable(new RuleId(id), true);
	}

	@PostMapping("/{id}/disable")
	Rule disable(@PathVariable UUID id) {
		return rules.enable(new RuleId(id), false);
	}

	@PostMapping("/reorder")
	List<Rule> reorder(@Valid @RequestBody Order order) {
		return rules.reorder(order.ids().stream().map(RuleId::new).toList());
	}

	@GetMapping("/{id}/failures")
	List<RoutingRules.FailureRecord> failures(@PathVariable UUID id) {
		return rules.failures(new RuleId(id));
	}

	/** Which rules match the sample and what they would do. Changes nothing. */
	@PostMapping("/dry-run")
	Decision dryRun(@RequestBody Sample sample) {
		return rules.dryRun(sample.toInput());
	}
}
