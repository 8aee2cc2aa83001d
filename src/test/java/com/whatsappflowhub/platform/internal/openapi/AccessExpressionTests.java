package com.whatsappflowhub.platform.internal.openapi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessExpressionTests {

	@Test
	void readsASingleRole() {
		AccessExpression access = AccessExpression.of("hasRole('SUPER_ADMIN')");
		assertThat(access.text()).isEqualTo("the role `SUPER_ADMIN`");
		assertThat(access.roles()).containsExactly("SUPER_ADMIN");
	}

	@Test
	void readsAnyOfSeveralRoles() {
		AccessExpression access = AccessExpression.of("hasAnyRole('TENANT_ADMIN', 'MANAGER')");
		assertThat(access.text()).isEqualTo("one of the roles `TENANT_ADMIN`, `MANAGER`");
		assertThat(access.roles()).containsExactly("TENANT_ADMIN", "MANAGER");
	}

	@Test
	void readsScopesAndConnectives() {
		AccessExpression access = AccessExpression
			.of("hasRole('TENANT_ADMIN') or (hasRole('API_CLIENT') && hasAuthority('SCOPE_tasks:write'))");
		assertThat(access.text())
			.isEqualTo("the role `TENANT_ADMIN` or (the role `API_CLIENT` and scope `tasks:write`)");
		assertThat(access.roles()).containsExactly("TENANT_ADMIN", "API_CLIENT");
		assertThat(access.scopes()).containsExactly("tasks:write");
	}

	@Test
	void keepsWhatItCannotTranslateAsWritten() {
		AccessExpression access = AccessExpression.of("isAuthenticated() and @tasks.mayRead(authentication)");
		assertThat(access.text()).isEqualTo("any signed-in caller and @tasks.mayRead(authentication)");
		assertThat(access.roles()).isEmpty();
	}
}
