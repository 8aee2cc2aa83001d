package com.whatsappflowhub.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.whatsappflowhub.analytics.Analytics;
import com.whatsappflowhub.analytics.InvalidPeriod;
import com.whatsappflowhub.analytics.Period;
import com.whatsappflowhub.analytics.Report;
import com.whatsappflowhub.analytics.Scope;
import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.StaffMember;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the work is going: the analytics module's report for a period (default the last 30 days), as figures, ECharts
 * charts (drawn in the browser from the data attributes, each with a table for screen readers) and a CSV export.
 */
@Controller
class AnalyticsPages {

	private final Analytics analytics;

	private final Directory directory;

	private final JsonMapper json;

	private final MessageSource messages;

	AnalyticsPages(Analytics analytics, Directory directory, JsonMapper json, MessageSource messages) {
		this.analytics = analytics;
		this.directory = directory;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping("/analytics")
	String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			java.util.Locale locale, Model model) {
		Report report;
		try {
			report = analytics.report(Period.of(from, to, analytics.today(), 30), scope());
		}
		catch (InvalidPeriod invalid) {
			model.addAttribute("error", "analytics.invalidPeriod");
			report = analytics.report(Period.of(null, null, analytics.today(), 30), scope());
		}
		model.addAttribute("report", report);
		Map<String, Object> daily = new LinkedHashMap<>();
		daily.put("labels", report.days().stream().map(d -> d.date().toString()).toList());
		List<Map<String, Object>> series = new java.util.ArrayList<>();
		if (report.summary().messages() != null) {
			series.add(Map.of("name", text("analytics.messages", locale), "data",
					report.days().stream().map(Report.Day::messages).toList()));
		}
		series.add(Map.of("name", text("analytics.created", locale), "data",
				report.days().stream().map(Report.Day::tasksCreated).toList()));
		series.add(Map.of("name", text("analytics.completed", locale), "data",
				report.days().stream().map(Report.Day::tasksCompleted).toList()));
		daily.put("series", series);
		model.addAttribute("dailyChart", json.writeValueAsString(daily));
		model.addAttribute("assigneeChart", json.writeValueAsString(loads(report.assignees(), locale)));
		model.addAttribute("teamChart", json.writeValueAsString(loads(report.teams(), locale)));
		return "dashboard/analytics";
	}

	@GetMapping(path = "/analytics/export.csv")
	ResponseEntity<String> csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		Report report = analytics.report(Period.of(from, to, analytics.today(), 30), scope());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"analytics-" + report.period().from() + "-"
					+ report.period().to() + ".csv\"")
			.body(Analytics.csv(report));
	}

	private Map<String, Object> loads(List<Report.Load> loads, java.util.Locale locale) {
		String nobody = text("task.unassigned", locale);
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", loads.stream().map(l -> l.id() == null ? nobody : l.name()).toList());
		chart.put("series", List.of(
				Map.of("name", text("analytics.open", locale), "data", loads.stream().map(Report.Load::open).toList()),
				Map.of("name", text("analytics.done", locale), "data", loads.stream().map(Report.Load::completed).toList()),
				Map.of("name", text("tasks.overdue", locale), "data", loads.stream().map(Report.Load::overdue).toList())));
		return chart;
	}

	private String text(String key, java.util.Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private Scope scope() {
		DashboardUser me = DashboardModel.signedIn();
		if (me == null) {
			throw new AccessDeniedException("not signed in");
		}
		return Scope.of(me.roles(), me.userId(),
				directory.member(me.userId()).map(StaffMember::teamId).orElse(null));
	}
}
