package com.whatsappflowhub.web;

import com.whatsappflowhub.identity.SecondFactors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /mfa/enrol}: the only page of a session whose tenant requires a second factor the user has not enrolled:
 * the QR code (and secret) for the authenticator app, the recovery codes, and the first code to turn it on. Then the
 * session ends and the user signs in again, now with the code. The enrolment is kept in the session until confirmed,
 * so a mistyped code does not change the secret already scanned.
 */
@Controller
class EnrolmentPages {

	static final String ENROLMENT = "flowhub.mfa.enrolment";

	private final SecondFactors secondFactors;

	EnrolmentPages(SecondFactors secondFactors) {
		this.secondFactors = secondFactors;
	}

	@GetMapping("/mfa/enrol")
	String page(HttpSession session, Model model) {
		DashboardUser me = DashboardModel.signedIn();
		if (me == null) {
			return "redirect:/login";
		}
		Object kept = session.getAttribute(ENROLMENT);
		SecondFactors.Enrolment enrolment = kept instanceof SecondFactors.Enrolment existing ? existing
				: secondFactors.enrol(me.userId(), me.email());
		session.setAttribute(ENROLMENT, enrolment);
		model.addAttribute("enrolment", enrolment);
		return "dashboard/enrol";
	}

	@PostMapping("/mfa/enrol")
	String confirm(@RequestParam String code, HttpServletRequest request) {
		DashboardUser me = DashboardModel.signedIn();
		if (me == null) {
			return "redirect:/login";
		}
		if (code.length() > 20 || !secondFactors.confirm(me.userId(), code.replace(" ", "").trim())) {
			return "redirect:/mfa/enrol?error";
		}
		request.getSession().invalidate();
		SecurityContextHolder.clearContext();
		return "redirect:/login?enrolled";
	}
}
