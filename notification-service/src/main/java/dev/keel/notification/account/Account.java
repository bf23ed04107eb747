package dev.keel.notification.account;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A user as auth-service's events describe them.
 *
 * @param userId the user id
 * @param verifiedEmail the address the user proved they own, or {@code null}: no
 * notification email goes to an address that is not verified
 * @param roles the roles auth-service last announced, or {@code null} when no change of
 * roles was announced (the roles in the user's token then stand)
 * @param disabled whether an admin disabled the account
 */
public record Account(String userId, @Nullable String verifiedEmail, @Nullable Set<String> roles, boolean disabled) {

	/**
	 * A user no event told anything about: nothing verified, roles from the token.
	 * @param userId the user id
	 * @return the account
	 */
	public static Account unknown(String userId) {
		return new Account(userId, null, null, false);
	}

	/**
	 * The roles to judge a read rule with.
	 * @param fromToken the roles in the user's last token
	 * @return the announced roles when there are any, else those of the token
	 */
	public Set<String> rolesOr(Set<String> fromToken) {
		return (this.roles != null) ? this.roles : fromToken;
	}

}
