package dev.keel.auth.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A successful token response (RFC 6749 §5.1). */
@JsonInclude(Include.NON_NULL)
record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
		@JsonProperty("expires_in") long expiresIn, @JsonProperty("refresh_token") String refreshToken) {

	static TokenResponse bearer(AccessTokens.AccessToken access, String refreshToken) {
		return new TokenResponse(access.value(), "Bearer", access.expiresIn(), refreshToken);
	}

}
