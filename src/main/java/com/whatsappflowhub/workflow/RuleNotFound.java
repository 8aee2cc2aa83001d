package com.whatsappflowhub.workflow;

import com.whatsappflowhub.platform.NotFound;

public final class RuleNotFound extends NotFound {

	RuleNotFound(RuleId id) {
		super("No rule " + id);
	}
}
