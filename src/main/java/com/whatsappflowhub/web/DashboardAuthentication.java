package com.whatsappflowhub.web;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.SignIn;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The sign-in form's e-mail, password and, for a user with a second factor, the authenticator code, checked by
 * the identity module; API clients do not sign in here.
 */
class DashboardAuthentication implements AuthenticationProvider {

	private final SignIn signIn;

	DashboardAuthentication(SignIn signIn) {
		this.signIn = signIn;
	}

	/** The one authority of a session whose tenant requires a second factor the user has not enrolled yet. */
	static final String ENROLMENT_ONLY = "MFA_ENROLMENT_ONLY";

	/** What the form sends besides e-mail and password: the code of the second factor, if any. */
	record Details(@Nullable String otp) implements Serializable {

		static Details of(HttpServletRequest request) {
			String otp = request.getParameter("otp");
			return new Details(otp == null || otp.isBlank() ? null : otp.replace(" ", "").trim());
		}
	}

	/** The password was right and the account has a second factor: the form asks for its code. */
	static final class CodeRequired extends AuthenticationException {

		CodeRequired() {
			super("second factor required");
		}
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = String.valueOf(authentication.getName()).trim();
		String password = String.valueOf(authentication.getCredentials());
		String otp = authentication.getDetails() instanceof Details details ? details.otp() : null;
		SignIn.Attempt attempt = signIn.attempt(email, password, otp);
		if (attempt instanceof SignIn.Attempt.CodeRequired) {
			throw new CodeRequired();
		}
		if (attempt instanceof SignIn.Attempt.EnrolmentRequired enrolment) {
			// a session that can only enrol a second factor: no roles, one authority that opens the enrolment page
			SignIn.Account account = enrolment.account();
			DashboardUser user = new DashboardUser(account.id().value(), account.tenantId().value(), account.name(),
					account.email(), Set.of());
			return UsernamePasswordAuthenticationToken.authenticated(user, null,
					List.of(new SimpleGrantedAuthority(ENROLMENT_ONLY)));
		}
		SignIn.Account account = attempt instanceof SignIn.Attempt.SignedIn signedIn ? signedIn.account() : null;
		if (account == null || account.roles().isEmpty() || account.roles().equals(Set.of(Role.API_CLIENT))) {
			throw new BadCredentialsException("bad credentials");
		}
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
