package com.whatsappflowhub.identity.tenant;

import com.whatsappflowhub.platform.Conflict;

public final class SlugTaken extends Conflict {

	SlugTaken(String slug) {
		super("slug-taken", "A tenant with slug " + slug + " exists already.");
	}
}
