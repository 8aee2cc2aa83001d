package com.whatsappflowhub.web;

import java.util.Map;

import com.whatsappflowhub.identity.Directory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Administration for tenant admins: the tenant's staff and teams, its time zone and language, and its pipeline
 * settings (confidence thresholds, sender notices). Read-only here for now; changes go through the API.
 */
@Controller
@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'SUPER_ADMIN')")
class AdminPages {

	private final Directory directory;

	private final Viewers viewers;

	AdminPages(Directory directory, Viewers viewers) {
		this.directory = directory;
		this.viewers = viewers;
	}

	@GetMapping("/admin")
	String page(Model model) {
		Directory.TenantSettings settings = directory.settings();
		model.addAttribute("staff", directory.staff());
		model.addAttribute("teamNames", viewers.teamNames());
		model.addAttribute("settings", settings);
		Object pipeline = settings.preferences().get("pipeline");
		model.addAttribute("pipeline", pipeline instanceof Map<?, ?> map ? map : Map.of());
		return "dashboard/admin";
	}
}
