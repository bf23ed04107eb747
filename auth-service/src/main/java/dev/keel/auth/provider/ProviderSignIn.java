package dev.keel.auth.provider;

import java.net.URI;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

import dev.keel.auth.handoff.Pkce;
import dev.keel.auth.handoff.RedirectAllowList;
import dev.keel.auth.handoff.SignInHandoffs;
import dev.keel.auth.provider.ProviderAccounts.Refused;
import dev.keel.auth.provider.ProviderAccounts.Resolution;
import dev.keel.auth.provider.ProviderAccounts.SignedIn;
import dev.keel.support.web.KeelProblemException;

/**
 * The browser flow: start a sign-in (or a link) with a provider, and complete it when the
 * provider sends the browser back, handing the app a one-time code for its
 * {@code redirect_to}. The app's redirect is checked against the allow-list before
 * anything is stored; once a flow is known, its redirect is the only place errors go.
 */
@Service
class ProviderSignIn {

	/** The method handoff codes carry for a provider sign-in. */
	static final String METHOD = "provider";

	/** Where the browser goes next, and the value of its binding cookie. */
	record Redirect(URI location, String browser) {
	}

	private final IdentityProviders providers;

	private final SignInFlows flows;

	private final ProviderAccounts accounts;

	private final SignInHandoffs handoffs;

	private final RedirectAllowList allowList;

	private final ProviderProperties properties;

	ProviderSignIn(IdentityProviders providers, SignInFlows flows, ProviderAccounts accounts, SignInHandoffs handoffs,
			RedirectAllowList allowList, ProviderProperties properties) {
		this.providers = providers;
		this.flows = flows;
		this.accounts = accounts;
		this.handoffs = handoffs;
		this.allowList = allowList;
		this.properties = properties;
	}

	/** A sign-in: the provider's authorization URL, and a new binding cookie. */
	Redirect start(String providerId, String redirectTo, String codeChallenge, String codeChallengeMethod) {
		IdentityProvider provider = checked(providerId, redirectTo, codeChallenge, codeChallengeMethod);
		FlowSecrets secrets = FlowSecrets.random();
		URI authorization;
		try {
			authorization = provider.authorizationUri(secrets);
		}
		catch (ProviderFailure failure) {
			return new Redirect(withError(redirectTo, failure.code(), failure.getMessage()), null);
		}
		String browser = Secrets.random();
		this.flows.insert(flow(provider, secrets, redirectTo, codeChallenge, null, Secrets.hash(browser)));
		return new Redirect(authorization, browser);
	}

	/**
	 * A link for a signed-in user: Keel's own URL that the app opens in the browser,
	 * which then binds the flow to that browser and goes on to the provider.
	 */
	URI startLink(String userId, String providerId, String redirectTo, String codeChallenge) {
		IdentityProvider provider = checked(providerId, redirectTo, codeChallenge, "S256");
		FlowSecrets secrets = FlowSecrets.random();
		this.flows.insert(flow(provider, secrets, redirectTo, codeChallenge, userId, null));
		return UriComponentsBuilder.fromUriString(this.properties.appUrl() + "/api/auth/authorize")
			.queryParam("flow", secrets.state())
			.build()
			.toUri();
	}

	/** The first browser to open a link flow's URL gets it, and goes to the provider. */
	Redirect open(String state) {
		String browser = Secrets.random();
		SignInFlow flow = this.flows.bind(state, Secrets.hash(browser)).orElseThrow(ProviderSignIn::invalidState);
		IdentityProvider provider = this.providers.find(flow.provider()).orElseThrow(ProviderSignIn::invalidState);
		try {
			return new Redirect(provider.authorizationUri(flow.secrets(state)), browser);
		}
		catch (ProviderFailure failure) {
			return new Redirect(withError(flow.redirectTo(), failure.code(), failure.getMessage()), null);
		}
	}

	/**
	 * The provider sent the browser back. An unknown, used, expired or foreign state is a
	 * 400 and changes nothing; after that every outcome goes to the flow's redirect.
	 */
	URI complete(String providerId, Callback callback, String browser) {
		if (callback.state() == null || browser == null) {
			throw invalidState();
		}
		SignInFlow flow = this.flows.take(callback.state(), Secrets.hash(browser))
			.filter((found) -> found.provider().equals(providerId))
			.orElseThrow(ProviderSignIn::invalidState);
		if (callback.error() != null) {
			return withError(flow.redirectTo(), providerError(callback.error()), "The provider did not sign you in.");
		}
		if (callback.code() == null) {
			return withError(flow.redirectTo(), "invalid_request", "The provider sent no code.");
		}
		IdentityProvider provider = this.providers.find(providerId).orElseThrow(ProviderSignIn::invalidState);
		try {
			ProviderIdentity identity = provider.redeem(callback.code(), flow.secrets(callback.state()));
			return handOver(flow, resolve(flow, identity));
		}
		catch (ProviderFailure failure) {
			return withError(flow.redirectTo(), failure.code(), failure.getMessage());
		}
	}

	/** What the provider put on the callback URL. */
	record Callback(String code, String state, String error) {
	}

	private Resolution resolve(SignInFlow flow, ProviderIdentity identity) {
		return (flow.linkUserId() != null) ? this.accounts.link(flow.linkUserId(), identity)
				: this.accounts.signIn(identity);
	}

	private URI handOver(SignInFlow flow, Resolution resolution) {
		return switch (resolution) {
			case Refused refused -> withError(flow.redirectTo(), refused.code(), refused.description());
			case SignedIn signedIn -> UriComponentsBuilder.fromUriString(flow.redirectTo())
				.queryParam("code", "{code}")
				.encode()
				.buildAndExpand(this.handoffs.issue(signedIn.principal().subject(), METHOD, flow.codeChallenge(),
						flow.redirectTo()))
				.toUri();
		};
	}

	private IdentityProvider checked(String providerId, String redirectTo, String codeChallenge,
			String codeChallengeMethod) {
		if (!this.allowList.allows(redirectTo)) {
			throw new KeelProblemException(HttpStatus.BAD_REQUEST, "redirect_not_allowed",
					"redirect_to is not on this deployment's allow-list (KEEL_AUTH_REDIRECT_ALLOW_LIST).");
		}
		IdentityProvider provider = this.providers.find(providerId)
			.orElseThrow(
					() -> new KeelProblemException(HttpStatus.BAD_REQUEST, "unknown_provider", "No identity provider '"
							+ providerId + "' is configured here; available: " + this.providers.ids() + "."));
		if (!"S256".equals(codeChallengeMethod) || !Pkce.validChallenge(codeChallenge)) {
			throw new KeelProblemException(HttpStatus.BAD_REQUEST, "invalid_code_challenge",
					"Send code_challenge, BASE64URL(SHA-256(code_verifier)), with code_challenge_method=S256.");
		}
		return provider;
	}

	private SignInFlow flow(IdentityProvider provider, FlowSecrets secrets, String redirectTo, String codeChallenge,
			String linkUserId, String browser) {
		return new SignInFlow(Secrets.hash(secrets.state()), provider.id(), secrets.nonce(), secrets.codeVerifier(),
				redirectTo, codeChallenge, linkUserId, browser, Instant.now().plus(this.properties.flowLifetime()));
	}

	private static URI withError(String redirectTo, String error, String description) {
		// Values go in as URI variables, so that every reserved character in them is
		// encoded.
		return UriComponentsBuilder.fromUriString(redirectTo)
			.queryParam("error", "{error}")
			.queryParam("error_description", "{description}")
			.encode()
			.buildAndExpand(error, description)
			.toUri();
	}

	/** The provider's error code, when it looks like one (RFC 6749 §4.1.2.1). */
	private static String providerError(String error) {
		return error.matches("[a-z_]{1,64}") ? error : "provider_error";
	}

	private static KeelProblemException invalidState() {
		return new KeelProblemException(HttpStatus.BAD_REQUEST, "invalid_state",
				"This sign-in cannot be completed: it is unknown, already used, expired, or was started in "
						+ "another browser. Start the sign-in again.");
	}

}
