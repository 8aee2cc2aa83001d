package com.whatsappflowhub.analytics.web;

import java.time.LocalDate;
import java.util.UUID;

import com.whatsappflowhub.analytics.Analytics;
import com.whatsappflowhub.analytics.Period;
import com.whatsappflowhub.analytics.Report;
import com.whatsappflowhub.analytics.Scope;
import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.StaffMember;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analytics API for BI tools: {@code GET /api/v1/analytics/report} (everything), {@code /summary}, {@code /daily}
 * (also as CSV: {@code /daily.csv}), {@code /assignees}, {@code /teams}. {@code from} and {@code to} are dates in the
 * tenant's zone (default: the last 30 days). What is counted follows the caller's role ({@link Scope}).
 */
@RestController
@RequestMapping("/api/v1/analytics")
@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'TENANT_ADMIN', 'MANAGER', 'USER', 'VIEWER')")
@Tag(name = "Analytics")
class AnalyticsController {

	private final Analytics analytics;

	private final Directory directory;

	AnalyticsController(Analytics analytics, Directory directory) {
		this.analytics = analytics;
		this.directory = directory;
	}

	@GetMapping("/report")
	@Operation(operationId = "getAnalyticsReport", summary = "Read the analytics report for a period", description = "Per day in the tenant's zone, scoped by role.")
	Report report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Authentication caller) {
		return analytics.report(Period.of(from, to, analytics.today(), 30), scope(caller));
	}

	@GetMapping("/summary")
	@Operation(operationId = "getAnalyticsSummary", summary = "Read the period's totals")
	Report.Summary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Authentication caller) {
		return report(from, to, caller).summary();
	}

	@GetMapping("/daily")
	@Operation(operationId = "getDailyAnalytics", summary = "Read the figures per day")
	java.util.List<Report.Day> daily(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Authentication caller) {
		return report(from, to, caller).days();
	}

	@GetMapping(path = "/daily.csv", produces = "text/csv")
	@Operation(operationId = "exportDailyAnalytics", summary = "Export the figures per day as CSV")
	ResponseEntity<String> dailyCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Authentication caller) {
		Report report = report(from, to, caller);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"analytics-" + report.period().from() + "-"
					+ report.period().to() + ".csv\"")
			.body(Analytics.csv(report));
	}

	@GetMapping("/assignees")
	@Operation(operationId = "getAssigneeAnalytics", summary = "Read workload and completion per assignee")
	java.util.List<Report.Load> assignees(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Authentication caller) {
		return report(from, to, caller).assignees();
	}

	@GetMapping("/teams")
	@Operation(operationId = "getTeamAnalytics", summary = "Read workload and completion per team")
	java.util.List<Report.Load> teams(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Authentication caller) {
		return report(from, to, caller).teams();
	}

	@GetMapping("/languages")
	@Operation(operationId = "getLanguageAnalytics", summary = "Read the figures per message language", description = """
			Inbound text messages, their actionable share and the tasks created from them, per language the pipeline 			detected (`und` when it could not tell); message figures are null for a caller scoped to a team or themselves.""")
	java.util.List<Report.Language> languages(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Authentication caller) {
		return report(from, to, caller).languages();
	}

	private Scope scope(Authentication caller) {
		UserId user = null;
		if (caller.getPrincipal() instanceof Jwt jwt) {
			try {
				user = new UserId(UUID.fromString(jwt.getSubject()));
			}
			catch (IllegalArgumentException notOurUser) {
				user = null;
			}
		}
		TeamId team = user == null ? null : directory.member(user).map(StaffMember::teamId).orElse(null);
		return Scope.of(Role.of(caller.getAuthorities()), user, team);
	}
}
