package com.whatsappflowhub.identity;

import java.util.Optional;
import java.util.Set;

import com.whatsappflowhub.platform.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Checks an e-mail and password for surfaces that keep their own session (the dashboard), with the same rules
 * and timing as the token endpoint: an unknown e-mail, a wrong password, an inactive user and a suspended tenant
 * are all the same refusal. A user with a second factor also needs the code from the authenticator app (or a
 * recovery code); without one the answer says so, as the token endpoint's {@code mfa-required} does. A success is
 * recorded as the user's last sign-in.
 */
public interface SignIn {

	/** The e-mail, password and, for a user who enrolled a second factor, its code ({@code otp}, else null). */
	Attempt attempt(String email, String password, @Nullable String otp);

	/** An account without a second factor; one with a second factor is refused here. */
	default Optional<Account> verify(String email, String password) {
		return attempt(email, password, null) instanceof Attempt.SignedIn signedIn ? Optional.of(signedIn.account())
				: Optional.empty();
	}

	/** Who signed in: the user, their tenant and roles as they are now. */
	record Account(UserId id, TenantId tenantId, String name, String email, Set<Role> roles) {
	}

	/** How a sign-in went. */
	sealed interface Attempt {

		record SignedIn(Account account) implements Attempt {
		}

		/** The password was right and the user has a second factor: ask for its code. */
		record CodeRequired() implements Attempt {
		}

		/**
		 * The password was right, the tenant requires a second factor of this account and it has none yet: the
		 * account may do nothing but enrol one (see {@link SecondFactors}), then sign in again with its code.
		 */
		record EnrolmentRequired(Account account) implements Attempt {
		}

		record Refused() implements Attempt {
		}
	}
}
