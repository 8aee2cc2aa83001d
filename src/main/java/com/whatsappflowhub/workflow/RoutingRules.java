package com.whatsappflowhub.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.StaffMember;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current tenant's routing rules: managing them, and deciding what they do to a task. */
@Service
public class RoutingRules {

	private static final Logger log = LoggerFactory.getLogger(RoutingRules.class);

	private static final Set<String> PRIORITIES = Set.of("low", "medium", "high", "urgent");

	private final Rules rules;

	private final Conditions conditions;

	private final Directory directory;

	private final Clock clock;

	private final com.whatsappflowhub.audit.AuditLog audit;

	private final ObjectProvider<PushTargets> pushTargets;

	RoutingRules(Rules rules, Conditions conditions, Directory directory, Clock clock,
			com.whatsappflowhub.audit.AuditLog audit, ObjectProvider<PushTargets> pushTargets) {
		this.audit = audit;
		this.pushTargets = pushTargets;
		this.rules = rules;
		this.conditions = conditions;
		this.directory = directory;
		this.clock = clock;
	}

	public record NewRule(String name, String condition, List<RuleAction> actions, boolean stopProcessing,
			@Nullable Boolean enabled, @Nullable Integer position) {
	}

	public record FailureRecord(Instant at, @Nullable String subject, String error) {
	}

	@Transactional(readOnly = true)
	public List<Rule> rules() {
		return rules.findAll();
	}

	@Transactional(readOnly = true)
	public Rule rule(RuleId id) {
		return rules.findById(id).orElseThrow(() -> new RuleNotFound(id));
	}

	/**
	 * Compiles a condition without saving anything (the rule editor checks as one types).
	 * @throws InvalidRule naming the line and column of the first problem
	 */
	public void checkCondition(String condition) {
		conditions.check(condition);
	}

	@Transactional
	public Rule create(NewRule request) {
		validate(request);
		Instant now = clock.instant();
		Rule rule = new Rule(new RuleId(UUID.randomUUID()), request.name().trim(),
				request.position() == null ? rules.nextPosition() : request.position(),
				request.enabled() == null || request.enabled(), request.condition(), List.copyOf(request.actions()),
				request.stopProcessing(), now, now);
		rules.save(rule);
		audited("rule.created", rule.id(), rule.name());
		return rule;
	}

	@Transactional
	public Rule replace(RuleId id, NewRule request) {
		Rule current = rule(id);
		validate(request);
		Rule rule = new Rule(id, request.name().trim(),
				request.position() == null ? current.position() : request.position(),
				request.enabled() == null ? current.enabled() : request.enabled(), request.condition(),
				List.copyOf(request.actions()), request.stopProcessing(), current.createdAt(), clock.instant());
		rules.save(rule);
		audited("rule.replaced", id, rule.name());
		return rule;
	}

	@Transactional
	public Rule enable(RuleId id, boolean enabled) {
		Rule current = rule(id);
		Rule rule = new Rule(id, current.name(), current.position(), enabled, current.condition(), current.actions(),
				current.stopProcessing(), current.createdAt(), clock.instant());
		rules.save(rule);
		audited(enabled ? "rule.enabled" : "rule.disabled", id, rule.name());
		return rule;
	}

	@Transactional
	public void delete(RuleId id) {
		if (!rules.delete(id)) {
			throw new RuleNotFound(id);
		}
		audited("rule.deleted", id, null);
	}

	private void audited(String action, RuleId id, @Nullable String name) {
		audit.change(com.whatsappflowhub.platform.TenantContext.require(), action, "rule:" + id.value(), name);
	}

	/** Puts the named rules first, in this order; rules not named keep their relative order after them. */
	@Transactional
	public List<Rule> reorder(List<RuleId> order) {
		List<Rule> all = rules.findAll();
		List<Rule> ordered = new ArrayList<>();
		for (RuleId id : new LinkedHashSet<>(order)) {
			ordered.add(all.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new RuleNotFound(id)));
		}
		all.stream().filter(r -> !ordered.contains(r)).forEach(ordered::add);
		Instant now = clock.instant();
		List<Rule> result = new ArrayList<>();
		for (int i = 0; i < ordered.size(); i++) {
			Rule r = ordered.get(i);
			Rule moved = new Rule(r.id(), r.name(), (i + 1) * 10, r.enabled(), r.condition(), r.actions(),
					r.stopProcessing(), r.createdAt(), now);
			rules.save(moved);
			result.add(moved);
		}
		return result;
	}

	@Transactional(readOnly = true)
	public List<FailureRecord> failures(RuleId id) {
		rule(id);
		return rules.failures(id, 100).stream().map(f -> new FailureRecord(f.at(), f.subject(), f.error())).toList();
	}

	/**
	 * Runs the enabled rules for a task in order. A rule that fails is recorded (with {@code subject}, e.g. the
	 * message id) and skipped; team assignments advance the team's round robin.
	 */
	@Transactional
	public Decision decide(RuleInput input, String subject) {
		return evaluate(rules.findEnabled(), input, subject, false);
	}

	/** What the rules would do with this input; changes nothing (not even the round robin). */
	@Transactional(readOnly = true)
	public Decision dryRun(RuleInput input) {
		return evaluate(rules.findAll().stream().filter(Rule::enabled).toList(), input, null, true);
	}

	private Decision evaluate(List<Rule> candidates, RuleInput input, @Nullable String subject, boolean dryRun) {
		List<Decision.Match> matched = new ArrayList<>();
		List<Decision.Failure> failures = new ArrayList<>();
		String priority = null;
		UUID assignee = null;
		UUID team = null;
		Set<String> labels = new LinkedHashSet<>();
		List<String> notifications = new ArrayList<>();
		boolean confirm = false;
		Set<UUID> pushTo = new LinkedHashSet<>();
		for (Rule rule : candidates) {
			boolean matches;
			try {
				matches = conditions.matches(rule.condition(), input);
			}
			catch (Exception ex) {
				String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
				failures.add(new Decision.Failure(rule.id(), rule.name(), error));
				if (!dryRun) {
					rules.recordFailure(rule.id(), subject, error, clock.instant());
					log.warn("Rule {} ({}) failed on {} and was skipped: {}", rule.name(), rule.id(), subject, error);
				}
				continue;
			}
			if (!matches) {
				continue;
			}
			for (RuleAction action : rule.actions()) {
				if (action instanceof RuleAction.SetPriority p) {
					priority = p.priority();
				}
				else if (action instanceof RuleAction.AssignUser u) {
					assignee = u.userId();
				}
				else if (action instanceof RuleAction.AssignTeam t) {
					team = t.teamId();
					assignee = nextInTeam(t.teamId(), dryRun);
				}
				else if (action instanceof RuleAction.AddLabels l) {
					labels.addAll(l.labels());
				}
				else if (action instanceof RuleAction.NotifySender n) {
					notifications.add(n.text());
				}
				else if (action instanceof RuleAction.RequireConfirmation) {
					confirm = true;
				}
				else if (action instanceof RuleAction.PushTo p) {
					pushTo.add(p.connectionId());
				}
			}
			matched.add(new Decision.Match(rule.id(), rule.name(), rule.actions(), rule.stopProcessing()));
			if (rule.stopProcessing()) {
				break;
			}
		}
		return new Decision(matched, priority, assignee, team, List.copyOf(labels), notifications, confirm,
				List.copyOf(pushTo), failures);
	}

	private @Nullable UUID nextInTeam(UUID team, boolean dryRun) {
		List<StaffMember> members = directory.teamMembers(new TeamId(team));
		if (members.isEmpty()) {
			return null;
		}
		UUID last = rules.lastAssigned(team, !dryRun);
		int index = 0;
		for (int i = 0; i < members.size(); i++) {
			if (members.get(i).id().value().equals(last)) {
				index = (i + 1) % members.size();
			}
		}
		UUID next = members.get(index).id().value();
		if (!dryRun) {
			rules.rotated(team, next);
		}
		return next;
	}

	private void validate(NewRule rule) {
		if (rule.name().isBlank()) {
			throw new InvalidRule("A rule needs a name.");
		}
		conditions.check(rule.condition());
		for (RuleAction action : rule.actions()) {
			if (action instanceof RuleAction.SetPriority p && !PRIORITIES.contains(p.priority())) {
				throw new InvalidRule("set_priority takes low, medium, high or urgent, not " + p.priority() + ".");
			}
			if (action instanceof RuleAction.AssignUser u
					&& directory.member(new UserId(u.userId())).filter(StaffMember::active).isEmpty()) {
				throw new InvalidRule("assign_user names " + u.userId() + ", who is not an active member of staff.");
			}
			if (action instanceof RuleAction.AssignTeam t && !directory.teamExists(new TeamId(t.teamId()))) {
				throw new InvalidRule("assign_team names " + t.teamId() + ", which is not a team of this tenant.");
			}
			if (action instanceof RuleAction.AddLabels l && l.labels().stream().anyMatch(String::isBlank)) {
				throw new InvalidRule("add_labels takes non-empty labels.");
			}
			if (action instanceof RuleAction.NotifySender n && n.text().isBlank()) {
				throw new InvalidRule("notify_sender needs a text.");
			}
			if (action instanceof RuleAction.PushTo p
					&& pushTargets.stream().noneMatch(targets -> targets.exists(p.connectionId()))) {
				throw new InvalidRule("push_to names " + p.connectionId() + ", which is not a connection of this tenant.");
			}
		}
	}
}
