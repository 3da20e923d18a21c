package de.quartierdispatch.security;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The code step passed.
 *
 * @param roles what the member may do now (the page goes on to their start page)
 * @param recoveryCodeUsed whether a recovery code was used
 * @param recoveryCodesLeft how many are left then
 */
record SecondFactorVerified(List<Role> roles, boolean recoveryCodeUsed, @Nullable Integer recoveryCodesLeft) {

	static SecondFactorVerified of(StaffPrincipal member, boolean recoveryCodeUsed,
			@Nullable Integer recoveryCodesLeft) {
		return new SecondFactorVerified(member.roles().stream().sorted().toList(), recoveryCodeUsed, recoveryCodesLeft);
	}

}
