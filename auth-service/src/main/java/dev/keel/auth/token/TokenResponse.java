package dev.keel.auth.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A successful token response (RFC 6749 §5.1). */
@JsonInclude(Include.NON_NULL)
record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
		@JsonProperty("expires_in") long expiresIn, @JsonProperty("refresh_token") String refreshToken,
		@JsonProperty("issued_token_type") String issuedTokenType) {

	/** RFC 8693's type of what a token exchange issued: Keel's access token. */
	static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

	static TokenResponse bearer(AccessTokens.AccessToken access, String refreshToken) {
		return new TokenResponse(access.value(), "Bearer", access.expiresIn(), refreshToken, null);
	}

	/** The answer to a token exchange (RFC 8693 §2.2.1): also says what was issued. */
	TokenResponse exchanged() {
		return new TokenResponse(this.accessToken, this.tokenType, this.expiresIn, this.refreshToken,
				ACCESS_TOKEN_TYPE);
	}

}
