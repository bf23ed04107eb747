package dev.keel.auth.provider;

import org.springframework.stereotype.Service;

import dev.keel.auth.token.IdTokenLogin;

/**
 * The token exchange's side of providers: an id_token an app hands in is validated
 * against the provider's keys, issuer and accepted audiences, then resolved to a user by
 * the same rules as the browser flow.
 */
@Service
class IdTokenExchange implements IdTokenLogin {

	private final IdentityProviders providers;

	private final ProviderAccounts accounts;

	IdTokenExchange(IdentityProviders providers, ProviderAccounts accounts) {
		this.providers = providers;
		this.accounts = accounts;
	}

	@Override
	public Outcome exchange(String providerId, String idToken, String nonce) {
		OidcProvider provider = this.providers.findOidc(providerId).orElse(null);
		if (provider == null && this.providers.find(providerId).isPresent()) {
			return new NotApplicable("Provider '" + providerId + "' is not an OpenID Connect provider and issues no "
					+ "id_token; sign in with it in the browser (GET /api/auth/authorize).");
		}
		if (provider == null) {
			return new Refused("No OpenID Connect provider '" + providerId + "' is configured here.");
		}
		try {
			return switch (this.accounts.signIn(provider.verify(idToken, nonce))) {
				case ProviderAccounts.SignedIn signedIn -> new SignedIn(signedIn.principal());
				case ProviderAccounts.Refused refused -> new Refused(refused.code() + ": " + refused.description());
			};
		}
		catch (ProviderFailure failure) {
			return new Refused(failure.getMessage());
		}
	}

}
