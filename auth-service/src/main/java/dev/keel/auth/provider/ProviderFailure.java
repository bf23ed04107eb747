package dev.keel.auth.provider;

/**
 * A provider could not be used for this sign-in: unreachable, refused the code, or sent
 * an id_token that does not validate. The {@code code} is what the app is told.
 */
class ProviderFailure extends RuntimeException {

	static final String UNAVAILABLE = "provider_unavailable";

	static final String INVALID_ID_TOKEN = "invalid_id_token";

	static final String EXCHANGE_FAILED = "code_exchange_failed";

	private final String code;

	ProviderFailure(String code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	ProviderFailure(String code, String message) {
		this(code, message, null);
	}

	String code() {
		return this.code;
	}

}
