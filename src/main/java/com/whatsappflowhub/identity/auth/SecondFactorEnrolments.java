package com.whatsappflowhub.identity.auth;

import com.whatsappflowhub.audit.AuditLog;
import com.whatsappflowhub.identity.SecondFactors;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.identity.mfa.SecondFactor;
import com.whatsappflowhub.platform.InvalidRequest;
import com.whatsappflowhub.platform.TenantContext;
import org.springframework.stereotype.Service;

@Service
class SecondFactorEnrolments implements SecondFactors {

	private final SecondFactor secondFactor;

	private final AuditLog audit;

	SecondFactorEnrolments(SecondFactor secondFactor, AuditLog audit) {
		this.secondFactor = secondFactor;
		this.audit = audit;
	}

	@Override
	public Enrolment enrol(UserId user, String email) {
		SecondFactor.Enrolment enrolment = secondFactor.enroll(user, email);
		return new Enrolment(enrolment.secret(), enrolment.otpauthUri(), enrolment.qrCode(), enrolment.recoveryCodes());
	}

	@Override
	public boolean confirm(UserId user, String code) {
		try {
			secondFactor.confirm(user, code);
		}
		catch (InvalidRequest wrongCode) {
			return false;
		}
		audit.changeBy(TenantContext.require(), "user:" + user.value(), "auth.mfa.enabled", "user:" + user.value(), "dashboard");
		return true;
	}
}
