package dev.keel.auth.token;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An error of the token endpoint (RFC 6749 §5.2). The token endpoint is the one place
 * that answers errors in this shape instead of problem+json.
 */
record OAuthError(@JsonProperty("error") String error, @JsonProperty("error_description") String description) {

	static final String INVALID_REQUEST = "invalid_request";

	static final String INVALID_CLIENT = "invalid_client";

	static final String INVALID_GRANT = "invalid_grant";

	static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";

	/** RFC 6749 §4.1.2.1's code for an overloaded server, with a 503. */
	static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

	/** Not in RFC 6749: the first sign-in step was right, a second factor is needed. */
	static final String MFA_REQUIRED = "mfa_required";

	/** Not in RFC 6749; Keel's code for throttling, as in its problem documents. */
	static final String RATE_LIMITED = "rate_limited";

}
