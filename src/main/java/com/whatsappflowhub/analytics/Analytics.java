package com.whatsappflowhub.analytics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.StaffMember;
import com.whatsappflowhub.platform.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's report for a period, by SQL over the message, task and task-history tables, bucketed by day in
 * the tenant's time zone. Every query names the tenant (row-level security filters it too, but the planner needs it
 * to use the tenant indexes).
 */
@Service
public class Analytics {

	private static final String OPEN = "status IN ('OPEN', 'IN_PROGRESS', 'BLOCKED')";

	/** Suggestions still waiting in the review queue are nobody's work yet. */
	private static final String NOT_IN_REVIEW = "NOT (suggested AND status = 'OPEN')";

	private final JdbcClient jdbc;

	private final Directory directory;

	private final Clock clock;

	Analytics(JdbcClient jdbc, Directory directory, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.clock = clock;
	}

	/** Today in the tenant's zone, for periods given relative to it. */
	@Transactional(readOnly = true)
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone()); // not clock.withZone: a clock need not honour it
	}

	@Transactional(readOnly = true)
	public Report report(Period period, Scope scope) {
		ZoneId zone = zone();
		Window window = new Window(TenantContext.require().value(), zone,
				Timestamp.from(period.from().atStartOfDay(zone).toInstant()),
				Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant()), Timestamp.from(clock.instant()));
		Condition where = condition(scope, "");
		List<Report.Day> days = days(period, window, scope, where);
		Long messages = scope.isWholeTenant() ? days.stream().mapToLong(d -> d.messages() == null ? 0 : d.messages()).sum() : null;
		Report.Summary summary = summary(window, scope, where, messages, days);
		return new Report(period, zone.getId(), summary, days, loads("assignee_id", window, where, staffNames()),
				loads("team_id", window, where, teamNames()), languages(window, scope));
	}

	/** The report's days as CSV (RFC 4180, header first). */
	public static String csv(Report report) {
		StringBuilder csv = new StringBuilder("date,messages,tasks_created,tasks_completed,tasks_overdue\r\n");
		for (Report.Day day : report.days()) {
			csv.append(day.date())
				.append(',')
				.append(day.messages() == null ? "" : day.messages())
				.append(',')
				.append(day.tasksCreated())
				.append(',')
				.append(day.tasksCompleted())
				.append(',')
				.append(day.tasksOverdue())
				.append("\r\n");
		}
		return csv.toString();
	}

	private record Window(UUID tenant, ZoneId zone, Timestamp start, Timestamp end, Timestamp now) {

		Map<String, Object> params() {
			Map<String, Object> p = new HashMap<>();
			p.put("tenant", tenant);
			p.put("zone", zone.getId());
			p.put("start", start);
			p.put("end", end);
			p.put("now", now);
			return p;
		}
	}

	/** The scope as SQL on the task table (alias prefix {@code t.} or none), with its parameters. */
	private record Condition(String sql, Map<String, Object> params) {
	}

	private static Condition condition(Scope scope, String alias) {
		Map<String, Object> p = new HashMap<>();
		if (scope.isWholeTenant()) {
			return new Condition("", p);
		}
		if (scope.user() != null) {
			p.put("scopeUser", scope.user().value());
		}
		if (scope.team() != null) {
			p.put("scopeTeam", scope.team().value());
		}
		if (scope.user() != null && scope.team() != null) {
			return new Condition(" AND (" + alias + "team_id = :scopeTeam OR " + alias + "assignee_id = :scopeUser)", p);
		}
		if (scope.team() != null) {
			return new Condition(" AND " + alias + "team_id = :scopeTeam", p);
		}
		return new Condition(" AND " + alias + "assignee_id = :scopeUser", p);
	}

	private List<Report.Day> days(Period period, Window window, Scope scope, Condition where) {
		Map<LocalDate, Long> messages = scope.isWholeTenant() ? perDay("""
				SELECT (sent_at AT TIME ZONE :zone)::date AS day, count(*) AS n FROM message
				WHERE tenant_id = :tenant AND direction = 'IN' AND sent_at >= :start AND sent_at < :end GROUP BY 1""",
				window, new Condition("", Map.of())) : Map.of();
		Map<LocalDate, Long> created = perDay("""
				SELECT (created_at AT TIME ZONE :zone)::date AS day, count(*) AS n FROM task
				WHERE tenant_id = :tenant AND created_at >= :start AND created_at < :end""" + where.sql() + " GROUP BY 1",
				window, where);
		Map<LocalDate, Long> completed = perDay("""
				SELECT (completed_at AT TIME ZONE :zone)::date AS day, count(*) AS n FROM task
				WHERE tenant_id = :tenant AND status = 'DONE' AND completed_at >= :start AND completed_at < :end"""
				+ where.sql() + " GROUP BY 1", window, where);
		Map<LocalDate, Long> overdue = perDay("""
				SELECT (overdue_at AT TIME ZONE :zone)::date AS day, count(*) AS n FROM task
				WHERE tenant_id = :tenant AND overdue_at >= :start AND overdue_at < :end""" + where.sql() + " GROUP BY 1",
				window, where);
		List<Report.Day> days = new ArrayList<>();
		for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
			days.add(new Report.Day(day, scope.isWholeTenant() ? messages.getOrDefault(day, 0L) : null,
					created.getOrDefault(day, 0L), completed.getOrDefault(day, 0L), overdue.getOrDefault(day, 0L)));
		}
		return days;
	}

	private Map<LocalDate, Long> perDay(String sql, Window window, Condition where) {
		Map<String, Object> p = window.params();
		p.putAll(where.params());
		Map<LocalDate, Long> counts = new HashMap<>();
		jdbc.sql(sql).params(p).query(rs -> {
			counts.put(rs.getObject("day", LocalDate.class), rs.getLong("n"));
		});
		return counts;
	}

	private Report.Summary summary(Window window, Scope scope, Condition where, @Nullable Long messages,
			List<Report.Day> days) {
		Map<String, Object> p = window.params();
		p.putAll(where.params());
		Double actionable = null;
		if (scope.isWholeTenant()) {
			actionable = jdbc.sql("""
					SELECT CASE WHEN count(*) = 0 THEN NULL ELSE
					  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM task t WHERE t.tenant_id = m.tenant_id
					    AND t.source_message_id = m.id))::float8 / count(*) END
					FROM message m WHERE m.tenant_id = :tenant AND m.direction = 'IN' AND m.type = 'text'
					  AND m.sent_at >= :start AND m.sent_at < :end""").params(p).query((rs, row) -> (Double) rs.getObject(1)).list().get(0);
		}
		long overdueNow = jdbc.sql("SELECT count(*) FROM task WHERE tenant_id = :tenant AND " + OPEN
				+ " AND deadline <= :now AND " + NOT_IN_REVIEW + where.sql()).params(p).query(Long.class).single();
		Condition onT = condition(scope, "t.");
		Map<String, Object> pt = window.params();
		pt.putAll(onT.params());
		Map<String, @Nullable Double> done = jdbc.sql("""
				SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY h) AS p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY h) AS p90
				FROM (SELECT extract(epoch FROM t.completed_at - m.sent_at) / 3600.0 AS h
				      FROM task t JOIN message m ON m.tenant_id = t.tenant_id AND m.id = t.source_message_id
				      WHERE t.tenant_id = :tenant AND t.status = 'DONE' AND t.completed_at >= :start AND t.completed_at < :end"""
				+ onT.sql() + ") x").params(pt).query((rs, row) -> {
					Map<String, @Nullable Double> m = new HashMap<>();
					m.put("p50", (Double) rs.getObject("p50"));
					m.put("p90", (Double) rs.getObject("p90"));
					return m;
				}).single();
		long[] decided = jdbc.sql("""
				SELECT count(*) FILTER (WHERE h.action = 'confirmed') AS confirmed,
				       count(*) FILTER (WHERE h.action = 'cancel' AND t.suggested) AS rejected
				FROM task_history h JOIN task t ON t.id = h.task_id
				WHERE h.tenant_id = :tenant AND h.at >= :start AND h.at < :end AND h.action IN ('confirmed', 'cancel')"""
				+ onT.sql()).params(pt).query((rs, row) -> new long[] { rs.getLong("confirmed"), rs.getLong("rejected") }).single();
		long decidedTotal = decided[0] + decided[1];
		return new Report.Summary(messages, actionable, days.stream().mapToLong(Report.Day::tasksCreated).sum(),
				days.stream().mapToLong(Report.Day::tasksCompleted).sum(), overdueNow, round(done.get("p50")),
				round(done.get("p90")), decided[0], decided[1],
				decidedTotal == 0 ? null : round((double) decided[0] / decidedTotal));
	}

	private List<Report.Load> loads(String column, Window window, Condition where, Map<String, String> names) {
		Map<String, Object> p = window.params();
		p.putAll(where.params());
		return jdbc.sql("SELECT " + column + " AS id, count(*) FILTER (WHERE " + OPEN + ") AS open, "
				+ "count(*) FILTER (WHERE status = 'DONE' AND completed_at >= :start AND completed_at < :end) AS completed, "
				+ "count(*) FILTER (WHERE " + OPEN + " AND deadline <= :now) AS overdue "
				+ "FROM task WHERE tenant_id = :tenant AND " + NOT_IN_REVIEW + where.sql() + " GROUP BY " + column
				+ " HAVING count(*) FILTER (WHERE " + OPEN + ") > 0 OR count(*) FILTER (WHERE status = 'DONE' "
				+ "AND completed_at >= :start AND completed_at < :end) > 0 ORDER BY 2 DESC, 3 DESC")
			.params(p)
			.query((rs, row) -> {
				UUID id = rs.getObject("id", UUID.class);
				String key = id == null ? null : id.toString();
				return new Report.Load(key, key == null ? "" : names.getOrDefault(key, key), rs.getLong("open"),
						rs.getLong("completed"), rs.getLong("overdue"));
			})
			.list();
	}

	private List<Report.Language> languages(Window window, Scope scope) {
		Map<String, Long> messages = new HashMap<>();
		Map<String, Long> texts = new HashMap<>();
		Map<String, Long> actionable = new HashMap<>();
		if (scope.isWholeTenant()) {
			jdbc.sql("""
					SELECT coalesce(nullif(m.language, ''), 'und') AS language, count(*) AS n,
					  count(*) FILTER (WHERE m.type = 'text') AS texts,
					  count(*) FILTER (WHERE m.type = 'text' AND EXISTS (SELECT 1 FROM task t
					    WHERE t.tenant_id = m.tenant_id AND t.source_message_id = m.id)) AS actionable
					FROM message m WHERE m.tenant_id = :tenant AND m.direction = 'IN'
					  AND m.sent_at >= :start AND m.sent_at < :end GROUP BY 1""").params(window.params()).query(rs -> {
				messages.put(rs.getString("language"), rs.getLong("n"));
				texts.put(rs.getString("language"), rs.getLong("texts"));
				actionable.put(rs.getString("language"), rs.getLong("actionable"));
			});
		}
		Condition onT = condition(scope, "t.");
		Map<String, Object> p = window.params();
		p.putAll(onT.params());
		Map<String, Long> created = new HashMap<>();
		jdbc.sql("""
				SELECT coalesce(nullif(m.language, ''), 'und') AS language, count(*) AS n
				FROM task t JOIN message m ON m.tenant_id = t.tenant_id AND m.id = t.source_message_id
				WHERE t.tenant_id = :tenant AND t.created_at >= :start AND t.created_at < :end""" + onT.sql()
				+ " GROUP BY 1").params(p).query(rs -> {
			created.put(rs.getString("language"), rs.getLong("n"));
		});
		java.util.Set<String> all = new java.util.TreeSet<>(messages.keySet());
		all.addAll(created.keySet());
		return all.stream()
			.map(language -> {
				Long n = scope.isWholeTenant() ? messages.getOrDefault(language, 0L) : null;
				long textCount = texts.getOrDefault(language, 0L);
				Double share = n == null || textCount == 0 ? null
						: round((double) actionable.getOrDefault(language, 0L) / textCount);
				return new Report.Language(language, n, share, created.getOrDefault(language, 0L));
			})
			.sorted(java.util.Comparator.comparing((Report.Language l) -> l.messages() == null ? 0 : -l.messages())
				.thenComparing(l -> -l.tasksCreated()))
			.toList();
	}

	private Map<String, String> staffNames() {
		Map<String, String> names = new LinkedHashMap<>();
		for (StaffMember member : directory.staff()) {
			names.put(member.id().toString(), member.name());
		}
		return names;
	}

	private Map<String, String> teamNames() {
		Map<String, String> names = new LinkedHashMap<>();
		directory.teams().forEach(team -> names.put(team.id().toString(), team.name()));
		return names;
	}

	private ZoneId zone() {
		try {
			return ZoneId.of(directory.settings().timezone());
		}
		catch (RuntimeException unknown) {
			return ZoneId.of("UTC");
		}
	}

	private static @Nullable Double round(@Nullable Double value) {
		return value == null ? null : Math.round(value * 100.0) / 100.0;
	}

}
