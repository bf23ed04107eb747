package dev.keel.auth.account;

import java.util.Optional;

/**
 * Checks the token a link or a form carries before any call: a missing or absurdly long
 * one means a damaged link, which auth-service need not be asked about.
 */
final class LinkTokens {

	// auth-service's tokens are far shorter; this only keeps junk out of calls.
	private static final int MAX_LENGTH = 512;

	private LinkTokens() {
	}

	static Optional<String> of(String candidate) {
		String token = (candidate != null) ? candidate.strip() : "";
		return (token.isEmpty() || token.length() > MAX_LENGTH) ? Optional.empty() : Optional.of(token);
	}

}
