package dev.keel.auth.token;

import java.util.List;

/**
 * Who a token is issued to: a user or a service account (client).
 *
 * @param subject the {@code sub} claim: the user id or the client id
 * @param email the user's email; {@code null} for clients
 * @param roles the {@code roles} claim, current at the time of issue
 * @param client whether the subject is a service account
 */
public record Principal(String subject, String email, List<String> roles, boolean client) {

	public Principal {
		roles = (roles != null) ? List.copyOf(roles) : List.of();
	}

}
