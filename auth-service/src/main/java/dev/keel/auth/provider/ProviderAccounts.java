package dev.keel.auth.provider;

import dev.keel.auth.token.Principal;

/**
 * Which Keel user a provider identity belongs to. Implemented by the user feature, which
 * owns the accounts and the {@code identities} collection; the rules are in
 * docs/auth.md#sign-in-with-a-provider.
 */
public interface ProviderAccounts {

	/**
	 * Signs in with an identity: the user it is linked to, an existing account with the
	 * same verified email (linked now), or a new user.
	 */
	Resolution signIn(ProviderIdentity identity);

	/** Links an identity to a signed-in user (an anonymous user is upgraded in place). */
	Resolution link(String userId, ProviderIdentity identity);

	/** The outcome of {@link #signIn} and {@link #link}. */
	sealed interface Resolution {

	}

	/** The user to issue a sign-in for. */
	record SignedIn(Principal principal) implements Resolution {
	}

	/**
	 * Refused, with a code the app is told ({@code account_exists_unverified},
	 * {@code identity_in_use}, {@code account_disabled}, ...) and why.
	 */
	record Refused(String code, String description) implements Resolution {
	}

}
