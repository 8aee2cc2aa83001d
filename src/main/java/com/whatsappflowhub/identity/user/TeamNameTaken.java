package com.whatsappflowhub.identity.user;

import com.whatsappflowhub.platform.Conflict;

public final class TeamNameTaken extends Conflict {

	TeamNameTaken(String name) {
		super("team-name-taken", "A team named " + name + " exists already.");
	}
}
