package com.whatsappflowhub.identity;

import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.tenant.TenantManagement;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DirectoryTests {

	@Autowired
	Directory directory;

	@Autowired
	TenantManagement tenants;

	TenantId demo() {
		return tenants.findBySlug("test", "demo").orElseThrow().id();
	}

	@Test
	void findsAMemberOfStaffByTheDigitsOfAWhatsAppId() {
		StaffMember maria = TenantContext.callAs(demo(), () -> directory.findByPhone("15550100001")).orElseThrow();
		assertThat(maria.name()).isEqualTo("Maria Garcia");
		assertThat(maria.roles()).containsExactly(Role.USER);
		assertThat(TenantContext.callAs(demo(), () -> directory.findByPhone("+1 555-010-0002")))
			.hasValueSatisfying(john -> assertThat(john.roles()).contains(Role.MANAGER));
		assertThat(TenantContext.callAs(demo(), () -> directory.findByPhone("15559999999"))).isEmpty();
	}

	@Test
	void listsTheActiveStaffAndTheTenantsZoneOnlyInsideTheTenant() {
		assertThat(TenantContext.callAs(demo(), directory::staff)).extracting(StaffMember::name)
			.contains("Maria Garcia", "John Smith", "Priya Patel", "Ana Souza");
		assertThat(TenantContext.callAs(demo(), directory::settings).timezone()).isEqualTo("Europe/Madrid");
		assertThat(directory.staff()).as("no tenant context, no staff").isEmpty();
	}
}
