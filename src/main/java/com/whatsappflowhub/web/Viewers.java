package com.whatsappflowhub.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.StaffMember;
import com.whatsappflowhub.identity.TeamId;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.tasks.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The task module's {@link Viewer} for a signed-in person, and the names the pages show for ids. */
@Component
class Viewers {

	private final Directory directory;

	Viewers(Directory directory) {
		this.directory = directory;
	}

	Viewer of(DashboardUser user) {
		TeamId team = directory.member(user.userId()).map(StaffMember::teamId).orElse(null);
		return new Viewer(user.userId(), user.roles(), team, Set.of());
	}

	/** The signed-in user as a viewer who may change tasks; a read-only role is refused. */
	Viewer writer() {
		DashboardUser me = DashboardModel.required();
		if (!me.canWrite()) {
			throw new AccessDeniedException("read-only");
		}
		return of(me);
	}

	/** Active staff by id, in name order. */
	Map<String, String> staffNames() {
		Map<String, String> names = new LinkedHashMap<>();
		directory.staff().forEach(member -> names.put(member.id().toString(), member.name()));
		return names;
	}

	Map<String, String> teamNames() {
		Map<String, String> names = new LinkedHashMap<>();
		directory.teams().forEach(team -> names.put(team.id().toString(), team.name()));
		return names;
	}

	String nameOf(@Nullable String userId) {
		if (userId == null) {
			return "";
		}
		try {
			return directory.member(UserId.of(userId)).map(StaffMember::name).orElse(userId);
		}
		catch (IllegalArgumentException notAUserId) {
			return userId;
		}
	}
}
