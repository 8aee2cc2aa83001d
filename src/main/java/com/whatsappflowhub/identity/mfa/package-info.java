/** Multi-factor sign-in: TOTP enrolment (secret, otpauth URI, QR code, recovery codes) and checking codes. */
@NullMarked
package com.whatsappflowhub.identity.mfa;

import org.jspecify.annotations.NullMarked;
