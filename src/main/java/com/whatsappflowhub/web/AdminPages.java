package com.whatsappflowhub.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.whatsappflowhub.identity.Administration;
import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.platform.Conflict;
import com.whatsappflowhub.platform.InvalidRequest;
import com.whatsappflowhub.platform.NotFound;
import com.whatsappflowhub.platform.Unavailable;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.whatsapp.number.BusinessNumberRecord;
import com.whatsappflowhub.whatsapp.number.NumberManagement;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration for tenant admins: the tenant's people (create one with a first password, their role and team,
 * deactivate), its teams, its zone and language and its pipeline settings (confidence thresholds, sender notices;
 * a value out of range is a form error); for super admins also the platform's tenants. Everything goes through the
 * identity module's {@link Administration}, with the signed-in person's roles deciding what may be granted. Tenant
 * admins also keep the tenant's WhatsApp numbers here, through the channel's {@link NumberManagement}: a number is
 * registered only once Meta answered for it with the token given (a refusal or an unreachable Graph API is a form
 * error), and its token and app secret go in and are never shown again.
 */
@Controller
@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'SUPER_ADMIN')")
class AdminPages {

	/** The settings document's section the task module reads its pipeline settings from. */
	static final String PIPELINE = "pipeline";

	private final Directory directory;

	private final Administration administration;

	private final Viewers viewers;

	private final NumberManagement numbers;

	AdminPages(Directory directory, Administration administration, Viewers viewers, NumberManagement numbers) {
		this.numbers = numbers;
		this.directory = directory;
		this.administration = administration;
		this.viewers = viewers;
	}

	record NewUserForm(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String name,
			@NotBlank @Size(min = 10, max = 200) String password, @NotNull Role role, @Nullable String team) {

		static NewUserForm blank() {
			return new NewUserForm("", "", "", Role.USER, "");
		}
	}

	/** The tenant's zone and language and the pipeline's settings, as {@code tasks.PipelineSettings} reads them. */
	record SettingsForm(@NotBlank String timezone, @NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*") String locale,
			@NotNull @DecimalMin("0") @DecimalMax("1") Double autoThreshold,
			@NotNull @DecimalMin("0") @DecimalMax("1") Double suggestThreshold, @Nullable Boolean notifySender,
			@NotBlank @Size(max = 1000) String loggedText, @NotBlank @Size(max = 1000) String completedText) {

		static SettingsForm of(Directory.TenantSettings settings) {
			Map<?, ?> pipeline = settings.preferences().get(PIPELINE) instanceof Map<?, ?> map ? map : Map.of();
			return new SettingsForm(settings.timezone(), settings.locale(),
					number(pipeline.get("autoThreshold"), 0.7), number(pipeline.get("suggestThreshold"), 0.45),
					!(pipeline.get("notifySender") instanceof Boolean b) || b,
					text(pipeline.get("loggedText"),
							"Thanks! We have logged your request: {title}{due}. We will let you know when it is done."),
					text(pipeline.get("completedText"), "Done: {title}. Thank you for your patience!"));
		}

		Map<String, Object> pipeline() {
			return Map.of("autoThreshold", autoThreshold, "suggestThreshold", suggestThreshold, "notifySender",
					Boolean.TRUE.equals(notifySender), "loggedText", loggedText.trim(), "completedText",
					completedText.trim());
		}

		private static double number(@Nullable Object value, double fallback) {
			return value instanceof Number n ? n.doubleValue() : fallback;
		}

		private static String text(@Nullable Object value, String fallback) {
			return value instanceof String s && !s.isBlank() ? s : fallback;
		}
	}

	@GetMapping("/admin")
	String page(Model model) {
		if (!model.containsAttribute("newUser")) {
			model.addAttribute("newUser", NewUserForm.blank());
		}
		if (!model.containsAttribute("settingsForm")) {
			model.addAttribute("settingsForm", SettingsForm.of(directory.settings()));
		}
		if (!model.containsAttribute("newNumber")) {
			model.addAttribute("newNumber", NewNumberForm.blank());
		}
		boolean tenantAdmin = me().has(Role.TENANT_ADMIN);
		model.addAttribute("numbersShown", tenantAdmin);
		model.addAttribute("numbers", tenantAdmin ? numbers.list() : List.<BusinessNumberRecord>of());
		model.addAttribute("members", administration.members());
		model.addAttribute("teamNames", viewers.teamNames());
		model.addAttribute("grantable", grantable());
		return "dashboard/admin";
	}

	@PostMapping("/admin/users")
	String createUser(@Valid @ModelAttribute("newUser") NewUserForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!errors.hasErrors()) {
			try {
				administration.create(new Administration.NewMember(form.email().trim(), form.name().trim(),
						form.password(), EnumSet.of(form.role()), team(form.team())), me().roles());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/admin";
			}
			catch (Conflict taken) {
				errors.rejectValue("email", "admin.email.taken");
			}
			catch (InvalidRequest invalid) {
				errors.reject("admin.invalid", new Object[] { invalid.getMessage() }, invalid.getMessage());
			}
		}
		response.setStatus(400);
		return page(model);
	}

	@PostMapping("/admin/users/{id}")
	String changeUser(@PathVariable UUID id, @RequestParam Role role, @RequestParam(required = false) @Nullable String team,
			@RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
		DashboardUser me = me();
		if (id.equals(me.id()) && (!active || (role != Role.TENANT_ADMIN && role != Role.SUPER_ADMIN))) {
			redirect.addFlashAttribute("error", "admin.self");
			return "redirect:/admin";
		}
		return act(redirect, () -> administration.change(new UserId(id), EnumSet.of(role), team(team), active, me.roles()));
	}

	@PostMapping("/admin/teams")
	String createTeam(@RequestParam String name, RedirectAttributes redirect) {
		if (name.isBlank() || name.length() > 200) {
			redirect.addFlashAttribute("error", "admin.team.invalid");
			return "redirect:/admin";
		}
		return act(redirect, () -> administration.createTeam(name));
	}

	@PostMapping("/admin/settings")
	String changeSettings(@Valid @ModelAttribute("settingsForm") SettingsForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (form.suggestThreshold() != null && form.autoThreshold() != null && !errors.hasFieldErrors("suggestThreshold")
				&& form.suggestThreshold() > form.autoThreshold()) {
			errors.rejectValue("suggestThreshold", "admin.suggestThreshold.aboveAuto");
		}
		if (!errors.hasErrors()) {
			try {
				administration.changeTenant(form.timezone().trim(), form.locale().trim(), PIPELINE, form.pipeline());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/admin";
			}
			catch (InvalidRequest invalid) {
				errors.rejectValue(invalid.getMessage().contains("zone") ? "timezone" : "locale", "admin.setting.invalid",
						new Object[] { invalid.getMessage() }, invalid.getMessage());
			}
		}
		response.setStatus(400);
		return page(model);
	}

	/** A number to register: Meta's ids, the number as people read it, and its secrets (never rendered back). */
	record NewNumberForm(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_\\-]+") String phoneNumberId,
			@NotBlank @Size(max = 64) String businessAccountId, @NotBlank @Size(max = 32) String displayNumber,
			@NotBlank @Size(max = 4096) String accessToken, @Nullable @Size(max = 512) String appSecret) {

		static NewNumberForm blank() {
			return new NewNumberForm("", "", "", "", "");
		}

		@Nullable String secret() {
			return appSecret == null || appSecret.isBlank() ? null : appSecret.trim();
		}
	}

	@PostMapping("/admin/numbers")
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	String registerNumber(@Valid @ModelAttribute("newNumber") NewNumberForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (form.secret() != null && form.secret().length() < 8) {
			errors.rejectValue("appSecret", "admin.number.secret.short");
		}
		if (!errors.hasErrors()) {
			try {
				numbers.register(new NumberManagement.Registration(form.phoneNumberId().trim(),
						form.businessAccountId().trim(), form.displayNumber().trim(), form.accessToken().trim(),
						form.secret(), null, null));
				redirect.addFlashAttribute("saved", true);
				return "redirect:/admin#numbers";
			}
			catch (Conflict taken) {
				errors.rejectValue("phoneNumberId", "admin.number.taken");
			}
			catch (InvalidRequest notProved) {
				errors.reject("admin.number.notProved", new Object[] { notProved.getMessage() }, notProved.getMessage());
			}
			catch (Unavailable unreachable) {
				errors.reject("admin.number.unreachable");
			}
		}
		response.setStatus(400);
		return page(model); // the secrets' fields have no value: they are typed again, never sent back
	}

	/** Blank fields keep what the number has; a new token makes a number that needed attention active again. */
	@PostMapping("/admin/numbers/{id}")
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	String changeNumber(@PathVariable UUID id, @RequestParam(defaultValue = "") String displayNumber,
			@RequestParam(defaultValue = "") String accessToken, @RequestParam(defaultValue = "") String appSecret,
			@RequestParam(defaultValue = "false") boolean clearAppSecret, RedirectAttributes redirect) {
		if (displayNumber.length() > 32 || accessToken.length() > 4096 || appSecret.length() > 512
				|| (!appSecret.isBlank() && appSecret.trim().length() < 8)) {
			redirect.addFlashAttribute("error", "admin.number.invalid");
			return "redirect:/admin#numbers";
		}
		return act(redirect, () -> numbers.change(id, new NumberManagement.Change(blankToNull(displayNumber),
				blankToNull(accessToken), blankToNull(appSecret), clearAppSecret && appSecret.isBlank(), null, false, null,
				false, null)), "redirect:/admin#numbers");
	}

	@PostMapping("/admin/numbers/{id}/remove")
	@PreAuthorize("hasRole('TENANT_ADMIN')")
	String removeNumber(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, () -> numbers.remove(id), "redirect:/admin#numbers");
	}

	private static @Nullable String blankToNull(String value) {
		return value.isBlank() ? null : value.trim();
	}

	record NewTenantForm(@NotBlank @Size(max = 200) String name,
			@NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$") String slug, @NotBlank String timezone,
			@NotBlank String locale, @NotBlank @Email @Size(max = 254) String adminEmail,
			@NotBlank @Size(max = 200) String adminName, @NotBlank @Size(min = 10, max = 200) String adminPassword) {

		static NewTenantForm blank() {
			return new NewTenantForm("", "", "UTC", "en", "", "", "");
		}
	}

	@GetMapping("/admin/tenants")
	@PreAuthorize("hasRole('SUPER_ADMIN')")
	String tenants(Model model) {
		if (!model.containsAttribute("tenantForm")) {
			model.addAttribute("tenantForm", NewTenantForm.blank());
		}
		model.addAttribute("tenants", administration.tenants(me().id().toString()));
		return "dashboard/tenants";
	}

	@PostMapping("/admin/tenants")
	@PreAuthorize("hasRole('SUPER_ADMIN')")
	String createTenant(@Valid @ModelAttribute("tenantForm") NewTenantForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!errors.hasErrors()) {
			try {
				administration.createTenant(new Administration.NewTenant(form.name().trim(), form.slug(),
						form.timezone().trim(), form.locale().trim(), form.adminEmail().trim(), form.adminName().trim(),
						form.adminPassword()));
				redirect.addFlashAttribute("saved", true);
				return "redirect:/admin/tenants";
			}
			catch (Conflict taken) {
				errors.rejectValue("slug", "admin.slug.taken");
			}
			catch (InvalidRequest invalid) {
				errors.reject("admin.invalid", new Object[] { invalid.getMessage() }, invalid.getMessage());
			}
		}
		response.setStatus(400);
		return tenants(model);
	}

	@PostMapping("/admin/tenants/{id}/{state:suspend|activate}")
	@PreAuthorize("hasRole('SUPER_ADMIN')")
	String suspend(@PathVariable UUID id, @PathVariable String state, RedirectAttributes redirect) {
		if (id.equals(me().tenant())) {
			redirect.addFlashAttribute("error", "admin.self");
			return "redirect:/admin/tenants";
		}
		administration.suspend(new TenantId(id), state.equals("suspend"));
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/tenants";
	}

	/** The roles the signed-in admin may hand out, in the order of the enum (no API clients here). */
	private Map<Role, Boolean> grantable() {
		Map<Role, Boolean> roles = new LinkedHashMap<>();
		for (Role role : List.of(Role.SUPER_ADMIN, Role.TENANT_ADMIN, Role.MANAGER, Role.USER, Role.VIEWER)) {
			if (role != Role.SUPER_ADMIN || me().has(Role.SUPER_ADMIN)) {
				roles.put(role, true);
			}
		}
		return roles;
	}

	private String act(RedirectAttributes redirect, Runnable change) {
		return act(redirect, change, "redirect:/admin");
	}

	private String act(RedirectAttributes redirect, Runnable change, String back) {
		try {
			change.run();
			redirect.addFlashAttribute("saved", true);
		}
		catch (Conflict | InvalidRequest | NotFound refused) {
			redirect.addFlashAttribute("error", "admin.refused");
			redirect.addFlashAttribute("errorDetail", refused.getMessage());
		}
		return back;
	}

	private static @Nullable TeamId team(@Nullable String team) {
		return team == null || team.isBlank() ? null : new TeamId(UUID.fromString(team));
	}

	private static DashboardUser me() {
		return DashboardModel.required();
	}
}
