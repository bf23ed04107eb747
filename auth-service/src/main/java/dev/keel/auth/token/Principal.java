package dev.keel.auth.token;

import java.util.List;

/**
 * Who a token is issued to: a user or a service account (client).
 *
 * @param subject the {@code sub} claim: the user id or the client id
 * @param email the user's email; {@code null} for clients and anonymous users
 * @param roles the {@code roles} claim, current at the time of issue
 * @param client whether the subject is a service account
 */
public record Principal(String subject, String email, List<String> roles, boolean client) {

	/**
	 * The role of a user who signed in anonymously and has not set an email yet; their
	 * access tokens also carry {@code anonymous: true}.
	 */
	public static final String ANONYMOUS_ROLE = "anonymous";

	public Principal {
		roles = (roles != null) ? List.copyOf(roles) : List.of();
	}

	/** Whether this is an anonymous user, who has no email yet. */
	public boolean anonymous() {
		return !this.client && this.roles.contains(ANONYMOUS_ROLE);
	}

}
