package com.whatsappflowhub.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.workflow.InvalidRule;
import com.whatsappflowhub.workflow.Rule;
import com.whatsappflowhub.workflow.RuleId;
import com.whatsappflowhub.workflow.RoutingRules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tenant's routing rules (tenant admins): their order, moving one up or down, enabling and disabling, and a
 * condition checker that shows the CEL compile error at its line and column as one types (htmx).
 */
@Controller
@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'SUPER_ADMIN')")
class RulePages {

	private final RoutingRules rules;

	RulePages(RoutingRules rules) {
		this.rules = rules;
	}

	@GetMapping("/rules")
	String list(Model model) {
		model.addAttribute("rules", rules.rules());
		return "dashboard/rules";
	}

	@PostMapping("/rules/{id}/{state:enable|disable}")
	String toggle(@PathVariable UUID id, @PathVariable String state) {
		rules.enable(new RuleId(id), state.equals("enable"));
		return "redirect:/rules";
	}

	@PostMapping("/rules/{id}/{direction:up|down}")
	String move(@PathVariable UUID id, @PathVariable String direction) {
		List<RuleId> order = new ArrayList<>(rules.rules().stream().map(Rule::id).toList());
		int at = order.indexOf(new RuleId(id));
		int to = direction.equals("up") ? at - 1 : at + 1;
		if (at >= 0 && to >= 0 && to < order.size()) {
			order.add(to, order.remove(at));
			rules.reorder(order);
		}
		return "redirect:/rules";
	}

	/** The checker's answer: an htmx fragment saying the condition compiles, or where it does not. */
	@PostMapping("/rules/check")
	String check(@RequestParam(defaultValue = "") String condition, Model model) {
		if (!condition.isBlank()) {
			try {
				rules.checkCondition(condition);
				model.addAttribute("compiles", true);
			}
			catch (InvalidRule invalid) {
				model.addAttribute("problem", invalid.getMessage());
			}
		}
		return "dashboard/rules :: check";
	}
}
