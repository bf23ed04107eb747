package dev.keel.auth.provider;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A browser sign-in in progress, stored under the SHA-256 of its {@code state} until the
 * provider sends the browser back (or it expires).
 *
 * @param id the SHA-256 of the state
 * @param provider the provider's id
 * @param nonce the nonce the id_token must carry
 * @param codeVerifier the PKCE verifier of the code exchange with the provider
 * @param redirectTo the app's redirect, already checked against the allow-list
 * @param codeChallenge the app's own S256 challenge, for the handoff code
 * @param linkUserId for linking: the signed-in user; {@code null} for a sign-in
 * @param browser the SHA-256 of the binding cookie's value; {@code null} until a browser
 * opens a link flow's URL
 * @param expiresAt when it can no longer complete
 */
@Document(SignInFlows.COLLECTION)
record SignInFlow(@Id String id, String provider, String nonce, String codeVerifier, String redirectTo,
		String codeChallenge, String linkUserId, String browser, Instant expiresAt) {

	FlowSecrets secrets(String state) {
		return new FlowSecrets(state, this.nonce, this.codeVerifier);
	}

	@Override
	public String toString() {
		return "SignInFlow[provider=" + this.provider + ", redirectTo=" + this.redirectTo + "]";
	}

}
