package dev.keel.auth.provider;

/**
 * The random values that tie one browser sign-in together between Keel and the provider:
 * {@code state} comes back with the browser, {@code nonce} inside the id_token, and the
 * PKCE verifier goes with the code exchange.
 */
record FlowSecrets(String state, String nonce, String codeVerifier) {

	static FlowSecrets random() {
		return new FlowSecrets(Secrets.random(), Secrets.random(), Secrets.random());
	}

	@Override
	public String toString() {
		return "FlowSecrets[<hidden>]";
	}

}
