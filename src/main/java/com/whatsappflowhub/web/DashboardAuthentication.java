package com.whatsappflowhub.web;

import java.util.List;

import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.SignIn;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The sign-in form's e-mail and password, checked by the identity module; API clients do not sign in here. */
class DashboardAuthentication implements AuthenticationProvider {

	private final SignIn signIn;

	DashboardAuthentication(SignIn signIn) {
		this.signIn = signIn;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = String.valueOf(authentication.getName()).trim();
		String password = String.valueOf(authentication.getCredentials());
		SignIn.Account account = signIn.verify(email, password)
			.filter(a -> !a.roles().isEmpty() && !a.roles().equals(java.util.Set.of(Role.API_CLIENT)))
			.orElseThrow(() -> new BadCredentialsException("bad credentials"));
		DashboardUser user = new DashboardUser(account.id().value(), account.tenantId().value(), account.name(),
				account.email(), account.roles());
		List<SimpleGrantedAuthority> authorities = account.roles()
			.stream()
			.map(role -> new SimpleGrantedAuthority(role.authority()))
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
