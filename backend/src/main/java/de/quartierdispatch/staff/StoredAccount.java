package de.quartierdispatch.staff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import de.quartierdispatch.security.Role;
import de.quartierdispatch.staff.StaffRequests.Change;
import org.jspecify.annotations.Nullable;

/** An account as stored, to see what a change changes. */
record StoredAccount(String username, String displayName, Set<Role> roles, boolean enabled, @Nullable Long teamId,
		@Nullable Long contactPointId, Long[] quarterIds, boolean external) {

	List<String> differences(Change change, Long[] newQuarterIds) {
		List<String> fields = new ArrayList<>();
		if (!this.displayName.equals(change.displayName())) {
			fields.add("displayName");
		}
		if (!this.roles.equals(change.roles())) {
			fields.add("roles");
		}
		if (this.enabled != change.enabled()) {
			fields.add("enabled");
		}
		if (!Objects.equals(this.teamId, change.teamId())) {
			fields.add("teamId");
		}
		if (!Objects.equals(this.contactPointId, change.contactPointId())) {
			fields.add("contactPointId");
		}
		Long[] stored = this.quarterIds.clone();
		Arrays.sort(stored);
		if (!Arrays.equals(stored, newQuarterIds)) {
			fields.add("quarterCodes");
		}
		return fields;
	}

	/** Anything but the names: sessions carry the old rights, so they end. */
	boolean narrowedOrChanged(List<String> fields) {
		return fields.stream().anyMatch((field) -> !"displayName".equals(field));
	}

}
