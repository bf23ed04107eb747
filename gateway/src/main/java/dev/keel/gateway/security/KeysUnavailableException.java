package dev.keel.gateway.security;

/**
 * auth-service's signing keys could not be fetched when a token needed a key the gateway
 * had not seen yet. Without a stack trace: it is an answer, not a bug.
 */
final class KeysUnavailableException extends RuntimeException {

	static final KeysUnavailableException INSTANCE = new KeysUnavailableException();

	private KeysUnavailableException() {
		super("The signing keys could not be fetched", null, false, false);
	}

}
