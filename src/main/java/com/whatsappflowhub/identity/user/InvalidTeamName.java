package com.whatsappflowhub.identity.user;

import com.whatsappflowhub.platform.InvalidRequest;

/** A team name that is empty once trimmed, or holds control characters. API: 400. */
class InvalidTeamName extends InvalidRequest {

	InvalidTeamName() {
		super("invalid-team-name", "name must have visible characters and no control characters");
	}
}
