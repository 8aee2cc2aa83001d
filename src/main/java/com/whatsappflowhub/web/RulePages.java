package com.whatsappflowhub.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.whatsappflowhub.workflow.Decision;
import com.whatsappflowhub.workflow.InvalidRule;
import com.whatsappflowhub.workflow.Rule;
import com.whatsappflowhub.workflow.RuleAction;
import com.whatsappflowhub.workflow.RuleId;
import com.whatsappflowhub.workflow.RuleInput;
import com.whatsappflowhub.workflow.RoutingRules;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tenant's routing rules (tenant admins): their order, moving one up or down, enabling and disabling, an editor
 * that creates or replaces a rule (the condition checked as one types, the CEL compile error at its line and column),
 * and the dry run of the enabled rules against a sample message. Everything goes through {@link RoutingRules}.
 */
@Controller
@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'SUPER_ADMIN')")
class RulePages {

	private final RoutingRules rules;

	private final Viewers viewers;

	RulePages(RoutingRules rules, Viewers viewers) {
		this.rules = rules;
		this.viewers = viewers;
	}

	@GetMapping("/rules")
	String list(Model model) {
		model.addAttribute("rules", rules.rules());
		model.addAttribute("staff", viewers.staffNames());
		model.addAttribute("teams", viewers.teamNames());
		if (!model.containsAttribute("sample")) {
			model.addAttribute("sample", Sample.empty());
		}
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

	/**
	 * The editor's fields. The actions a rule may take are fields of their own (priority, a user, a team, labels
	 * separated by commas, a notice to the sender, review first); a rule's pushes to a connection are kept as they
	 * are (they are set through the API).
	 */
	record RuleForm(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 4000) String condition,
			@Nullable @Pattern(regexp = "|low|medium|high|urgent") String priority, @Nullable String assignUser,
			@Nullable String assignTeam, @Nullable @Size(max = 500) String labels,
			@Nullable @Size(max = 1000) String notifyText, @Nullable Boolean requireConfirmation,
			@Nullable Boolean stopProcessing, @Nullable Boolean enabled) {

		static RuleForm blank() {
			return new RuleForm("", "", "", "", "", "", "", false, false, true);
		}

		static RuleForm of(Rule rule) {
			String priority = "";
			String user = "";
			String team = "";
			List<String> labels = new ArrayList<>();
			String notify = "";
			boolean review = false;
			for (RuleAction action : rule.actions()) {
				if (action instanceof RuleAction.SetPriority p) {
					priority = p.priority();
				}
				else if (action instanceof RuleAction.AssignUser u) {
					user = u.userId().toString();
				}
				else if (action instanceof RuleAction.AssignTeam t) {
					team = t.teamId().toString();
				}
				else if (action instanceof RuleAction.AddLabels l) {
					labels.addAll(l.labels());
				}
				else if (action instanceof RuleAction.NotifySender n) {
					notify = n.text();
				}
				else if (action instanceof RuleAction.RequireConfirmation) {
					review = true;
				}
			}
			return new RuleForm(rule.name(), rule.condition(), priority, user, team, String.join(", ", labels), notify,
					review, rule.stopProcessing(), rule.enabled());
		}

		/** The actions in the order they run, followed by the pushes the rule already had. */
		List<RuleAction> actions(List<RuleAction> kept) {
			List<RuleAction> actions = new ArrayList<>();
			if (priority != null && !priority.isBlank()) {
				actions.add(new RuleAction.SetPriority(priority));
			}
			if (assignUser != null && !assignUser.isBlank()) {
				actions.add(new RuleAction.AssignUser(UUID.fromString(assignUser)));
			}
			if (assignTeam != null && !assignTeam.isBlank()) {
				actions.add(new RuleAction.AssignTeam(UUID.fromString(assignTeam)));
			}
			List<String> labelList = labels == null ? List.of()
					: Arrays.stream(labels.split(",")).map(String::trim).filter(l -> !l.isEmpty()).toList();
			if (!labelList.isEmpty()) {
				actions.add(new RuleAction.AddLabels(labelList));
			}
			if (notifyText != null && !notifyText.isBlank()) {
				actions.add(new RuleAction.NotifySender(notifyText.trim()));
			}
			if (Boolean.TRUE.equals(requireConfirmation)) {
				actions.add(new RuleAction.RequireConfirmation());
			}
			kept.stream().filter(RuleAction.PushTo.class::isInstance).forEach(actions::add);
			return actions;
		}
	}

	@GetMapping("/rules/new")
	String create(Model model) {
		model.addAttribute("form", RuleForm.blank());
		return editor(null, model);
	}

	@GetMapping("/rules/{id}")
	String edit(@PathVariable UUID id, Model model) {
		Rule rule = rules.rule(new RuleId(id));
		model.addAttribute("form", RuleForm.of(rule));
		return editor(rule, model);
	}

	@PostMapping("/rules")
	String saveNew(@Valid @ModelAttribute("form") RuleForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return save(null, form, errors, model, redirect, response);
	}

	@PostMapping("/rules/{id}")
	String saveExisting(@PathVariable UUID id, @Valid @ModelAttribute("form") RuleForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return save(rules.rule(new RuleId(id)), form, errors, model, redirect, response);
	}

	private String save(@Nullable Rule current, RuleForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!errors.hasErrors()) {
			try {
				List<RuleAction> actions = form.actions(current == null ? List.of() : current.actions());
				if (actions.isEmpty()) {
					errors.reject("rules.actions.none");
				}
				else {
					RoutingRules.NewRule rule = new RoutingRules.NewRule(form.name(), form.condition(), actions,
							Boolean.TRUE.equals(form.stopProcessing()), Boolean.TRUE.equals(form.enabled()), null);
					if (current == null) {
						rules.create(rule);
					}
					else {
						rules.replace(current.id(), rule);
					}
					redirect.addFlashAttribute("saved", true);
					return "redirect:/rules";
				}
			}
			catch (IllegalArgumentException notAnId) {
				errors.reject("rules.actions.invalid");
			}
			catch (InvalidRule invalid) {
				errors.rejectValue("condition", "rules.condition.invalid", new Object[] { invalid.getMessage() },
						invalid.getMessage());
			}
		}
		response.setStatus(400);
		return editor(current, model);
	}

	private String editor(@Nullable Rule rule, Model model) {
		model.addAttribute("rule", rule);
		model.addAttribute("staff", viewers.staffNames());
		model.addAttribute("teams", viewers.teamNames());
		return "dashboard/rule";
	}

	/** A sample message to try the enabled rules on: what the pipeline would see for it. */
	record Sample(@Size(max = 4000) String text, @Pattern(regexp = "|[a-z]{2,3}") String language,
			@Pattern(regexp = "customer|staff|manager") String senderRole,
			@Pattern(regexp = "low|medium|high|urgent") String priority, @DecimalMin("0") @DecimalMax("1") double confidence,
			@Nullable Boolean actionable, @Nullable Boolean hasDeadline) {

		static Sample empty() {
			return new Sample("", "en", "customer", "medium", 0.8, true, false);
		}

		RuleInput input() {
			Map<String, Object> message = new HashMap<>();
			message.put("id", "dry-run");
			message.put("text", text);
			message.put("language", language);
			Map<String, Object> task = new HashMap<>();
			task.put("title", text.length() > 80 ? text.substring(0, 80) : text);
			task.put("priority", priority);
			task.put("confidence", confidence);
			task.put("assignee", "");
			task.put("hasDeadline", Boolean.TRUE.equals(hasDeadline));
			return new RuleInput(message,
					Map.of("actionable", Boolean.TRUE.equals(actionable), "confidence", confidence, "engine", "dry-run"), task,
					Map.of("role", senderRole, "name", "", "staff", !senderRole.equals("customer")));
		}
	}

	/** What the enabled rules would do with the sample; changes nothing (not even a team's round robin). */
	@PostMapping("/rules/dry-run")
	String dryRun(@Valid @ModelAttribute("sample") Sample sample, BindingResult errors,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			HttpServletResponse response) {
		if (errors.hasErrors()) {
			response.setStatus(400);
			model.addAttribute("sampleInvalid", true);
		}
		else {
			Decision decision = rules.dryRun(sample.input());
			model.addAttribute("decision", decision);
		}
		if (htmx != null) {
			model.addAttribute("staff", viewers.staffNames());
			model.addAttribute("teams", viewers.teamNames());
			return "dashboard/rules :: dry-result";
		}
		return list(model);
	}
}
