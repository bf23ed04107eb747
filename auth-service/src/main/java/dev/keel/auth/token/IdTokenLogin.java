package dev.keel.auth.token;

/**
 * Signs a user in with an identity provider's id_token that an app obtained itself (RFC
 * 8693 token exchange, as mobile SDKs do). Implemented by the provider feature.
 */
public interface IdTokenLogin {

	/**
	 * @param provider the provider's id
	 * @param idToken the id_token
	 * @param nonce the nonce the app asked the provider for, or {@code null}
	 */
	Outcome exchange(String provider, String idToken, String nonce);

	/** The answer of {@link #exchange}. */
	sealed interface Outcome {

	}

	/** The id_token is valid and belongs to this active user. */
	record SignedIn(Principal principal) implements Outcome {
	}

	/**
	 * The provider issues no id_tokens (GitHub): the request is wrong, not the token
	 * ({@code invalid_request}), and why.
	 */
	record NotApplicable(String description) implements Outcome {
	}

	/** Not accepted ({@code invalid_grant}), and why. */
	record Refused(String description) implements Outcome {
	}

}
