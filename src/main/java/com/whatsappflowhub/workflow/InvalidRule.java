package com.whatsappflowhub.workflow;

import com.whatsappflowhub.platform.InvalidRequest;

/** A condition that does not compile (with line and column), or an action that makes no sense. */
public final class InvalidRule extends InvalidRequest {

	InvalidRule(String detail) {
		super("invalid-rule", detail);
	}
}
