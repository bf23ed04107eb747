package dev.keel.auth.token;

public sealed interface LoginOutcome {

	record Authenticated(Principal principal) implements LoginOutcome {
	}

	record Rejected() implements LoginOutcome {
	}

	record Throttled(java.time.Duration retryAfter) implements LoginOutcome {
	}

}
