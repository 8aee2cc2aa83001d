package com.whatsappflowhub.identity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.platform.Conflict;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dashboard's administration API over the real tables: users, teams, the settings document, tenants. */
@IntegrationTest
class AdministrationTests {

	@Autowired
	Api api;

	@Autowired
	Administration administration;

	@Autowired
	Directory directory;

	@Autowired
	SignIn signIn;

	@Test
	void createsChangesAndDeactivatesAMemberAndKeepsTheRestOfTheSettingsDocument() {
		Api.TenantFixture tenant = api.newTenant();
		TenantId id = TenantId.of(tenant.tenantId());
		String email = "new-" + tenant.slug() + "@example.com";
		TenantContext.runAs(id, () -> {
			Directory.TeamRef team = administration.createTeam("Night shift");
			Administration.Member created = administration.create(new Administration.NewMember(email, "Nuno",
					"a-first-password", EnumSet.of(Role.USER), team.id()), Set.of(Role.TENANT_ADMIN));
			assertThat(administration.members()).anySatisfy(m -> {
				assertThat(m.email()).isEqualTo(email);
				assertThat(m.teamId()).isEqualTo(team.id());
			});
			assertThatThrownBy(() -> administration.create(new Administration.NewMember(email, "Again",
					"a-first-password", EnumSet.of(Role.USER), null), Set.of(Role.TENANT_ADMIN))).isInstanceOf(Conflict.class);
			assertThatThrownBy(() -> administration.create(new Administration.NewMember("x-" + email, "Boss",
					"a-first-password", EnumSet.of(Role.SUPER_ADMIN), null), Set.of(Role.TENANT_ADMIN)))
				.isInstanceOf(com.whatsappflowhub.platform.InvalidRequest.class);

			Administration.Member changed = administration.change(created.id(), EnumSet.of(Role.VIEWER), null, false,
					Set.of(Role.TENANT_ADMIN));
			assertThat(changed.roles()).containsExactly(Role.VIEWER);
			assertThat(changed.teamId()).isNull();
			assertThat(changed.active()).isFalse();
			assertThat(directory.teamMembers(team.id())).isEmpty();

			administration.changeTenant("Europe/Lisbon", "pt", "pipeline", Map.of("autoThreshold", 0.9));
			administration.changeTenant("Europe/Lisbon", "pt", "other", Map.of("kept", true));
			Directory.TenantSettings settings = directory.settings();
			assertThat(settings.timezone()).isEqualTo("Europe/Lisbon");
			assertThat(settings.locale()).isEqualTo("pt");
			assertThat(settings.preferences()).containsKey("other");
			assertThat(settings.preferences().get("pipeline")).isEqualTo(Map.of("autoThreshold", 0.9));
			assertThatThrownBy(() -> administration.changeTenant("Mars/Olympus", "pt", "pipeline", Map.of()))
				.isInstanceOf(com.whatsappflowhub.platform.InvalidRequest.class);
		});
		assertThat(signIn.attempt(email, "a-first-password", null)).isInstanceOf(SignIn.Attempt.Refused.class);
	}

	@Test
	void aSuperAdminCreatesAndSuspendsATenantWhosePeopleThenCannotSignIn() {
		String slug = "adm-" + Long.toString(System.nanoTime(), 36);
		Administration.TenantSummary created = administration.createTenant(new Administration.NewTenant("Adm Co", slug,
				"UTC", "es", "boss@" + slug + ".test", "Boss", "a-first-password"));
		assertThat(signIn.attempt("boss@" + slug + ".test", "a-first-password", null))
			.isInstanceOf(SignIn.Attempt.SignedIn.class);
		assertThat(administration.tenants("test")).anySatisfy(t -> assertThat(t.slug()).isEqualTo(slug));
		assertThat(administration.suspend(created.id(), true).suspended()).isTrue();
		assertThat(signIn.attempt("boss@" + slug + ".test", "a-first-password", null))
			.isInstanceOf(SignIn.Attempt.Refused.class);
	}
}
