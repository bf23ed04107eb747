package dev.keel.auth.token;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.keel.auth.token.RequestParameters.Parsed;

/**
 * The OAuth2 token endpoint (RFC 6749). Reads the body itself, so that whatever arrives
 * (another content type, broken JSON, repeated parameters) is answered with an RFC 6749
 * error rather than a problem document.
 */
@RestController
class TokenController {

	private static final CacheControl NO_STORE = CacheControl.noStore();

	private final TokenGrants grants;

	TokenController(TokenGrants grants) {
		this.grants = grants;
	}

	@PostMapping("/api/auth/token")
	ResponseEntity<Object> token(HttpServletRequest request) {
		return switch (RequestParameters.read(request)) {
			case Parsed.Unreadable unreadable ->
				answer(GrantResult.refused(OAuthError.INVALID_REQUEST, unreadable.description()));
			case Parsed.Parameters parameters -> answer(this.grants.grant(new TokenRequest(parameters.values(),
					BasicAuthorization.parse(request.getHeader(HttpHeaders.AUTHORIZATION)))));
		};
	}

	private static ResponseEntity<Object> answer(GrantResult result) {
		return switch (result) {
			case GrantResult.Granted granted -> headers(HttpStatus.OK).body(granted.response());
			case GrantResult.Refused refused -> headers(HttpStatus.BAD_REQUEST).body(refused.error());
			case GrantResult.ClientRefused client -> {
				ResponseEntity.BodyBuilder response = headers(HttpStatus.UNAUTHORIZED);
				if (client.basic()) {
					response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"keel\", charset=\"UTF-8\"");
				}
				yield response.body(new OAuthError(OAuthError.INVALID_CLIENT, client.description()));
			}
			case GrantResult.Throttled throttled -> {
				long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
				yield headers(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
					.body(new OAuthError(OAuthError.RATE_LIMITED,
							"Too many failed logins for this account; try again in " + seconds + " seconds."));
			}
		};
	}

	private static ResponseEntity.BodyBuilder headers(HttpStatus status) {
		return ResponseEntity.status(status)
			.cacheControl(NO_STORE)
			.header(HttpHeaders.PRAGMA, "no-cache")
			.contentType(MediaType.APPLICATION_JSON);
	}

}
