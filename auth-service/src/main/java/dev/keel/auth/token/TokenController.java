package dev.keel.auth.token;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

	// The body is read by hand (see above), so the OpenAPI document learns its fields
	// here.
	@PostMapping("/api/auth/token")
	@Operation(summary = "Issue tokens (OAuth2, RFC 6749)",
			description = "grant_type=password (username = email, password), refresh_token (refresh_token), "
					+ "client_credentials (client_id and client_secret, or HTTP Basic), "
					+ "urn:keel:otp (email and the 6-digit code from POST /api/auth/otp), authorization_code "
					+ "(code and code_verifier, and redirect_uri optional: the one-time code a browser sign-in such as a magic "
					+ "link brought back to the app's redirect_to, valid 2 minutes and once, with the app's PKCE "
					+ "S256 verifier and, when sent, exactly the redirect it was issued for; any mismatch is invalid_grant "
					+ "and spends the code) or urn:keel:anonymous "
					+ "(no other fields: creates a user with no email and the anonymous role, when anonymous "
					+ "sign-ups are switched on; unsupported_grant_type otherwise). A user with a confirmed second factor "
					+ "gets 400 {error: mfa_required, mfa_token} from the first step instead of tokens; "
					+ "urn:keel:mfa-otp (mfa_token and a TOTP code) or urn:keel:mfa-recovery (mfa_token and a "
					+ "recovery code) completes it. "
					+ "The same fields are accepted as a JSON object. Errors (400, 401 for a bad client, 429 after "
					+ "repeated failed logins, 503 temporarily_unavailable with Retry-After when too many "
					+ "logins arrive at once) follow RFC 6749 §5.2, not problem+json.",
			requestBody = @RequestBody(required = true,
					content = { @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE, schemaProperties = {
							@SchemaProperty(name = "grant_type",
									schema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
											allowableValues = { "password", "refresh_token", "client_credentials",
													TokenGrants.AUTHORIZATION_CODE, TokenGrants.OTP,
													TokenGrants.ANONYMOUS_GRANT, TokenGrants.MFA_OTP,
													TokenGrants.MFA_RECOVERY })),
							@SchemaProperty(name = "mfa_token", schema = @Schema(type = "string",
									description = "urn:keel:mfa-otp and urn:keel:mfa-recovery: the mfa_token of the "
											+ "mfa_required answer (5 minutes, once, five codes)")),
							@SchemaProperty(name = "username", schema = @Schema(format = "email")),
							@SchemaProperty(name = "password", schema = @Schema(format = "password")),
							@SchemaProperty(name = "refresh_token", schema = @Schema(type = "string")),
							@SchemaProperty(name = "client_id", schema = @Schema(type = "string")),
							@SchemaProperty(name = "client_secret", schema = @Schema(format = "password")),
							@SchemaProperty(name = "email", schema = @Schema(format = "email")),
							@SchemaProperty(name = "code", schema = @Schema(type = "string",
									description = "urn:keel:otp: the 6-digit code; authorization_code: the code "
											+ "from the redirect")),
							@SchemaProperty(name = "code_verifier",
									schema = @Schema(type = "string", pattern = "^[A-Za-z0-9._~-]{43,128}$",
											description = "authorization_code: the PKCE verifier (RFC 7636) whose "
													+ "S256 challenge the sign-in was started with")),
							@SchemaProperty(name = "redirect_uri",
									schema = @Schema(type = "string", format = "uri",
											description = "authorization_code: exactly the redirect_to the code "
													+ "was issued for")) }) }),
			responses = {
					@ApiResponse(responseCode = "200", description = "Tokens issued",
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = TokenResponse.class))),
					@ApiResponse(responseCode = "400", description = "Invalid request or grant",
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = OAuthError.class))),
					@ApiResponse(responseCode = "429",
							description = "Too many recent login attempts for this account (Retry-After)",
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = OAuthError.class))),
					@ApiResponse(responseCode = "503",
							description = "temporarily_unavailable: too many logins at once (Retry-After)",
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = OAuthError.class))) })
	ResponseEntity<Object> token(HttpServletRequest request) {
		return switch (RequestParameters.read(request)) {
			case Parsed.Unreadable unreadable ->
				answer(GrantResult.refused(OAuthError.INVALID_REQUEST, unreadable.description()));
			case Parsed.Parameters parameters -> answer(this.grants.grant(new TokenRequest(parameters.values(),
					BasicAuthorization.parse(request.getHeader(HttpHeaders.AUTHORIZATION)), ClientDevice.of(request))));
		};
	}

	private static ResponseEntity<Object> answer(GrantResult result) {
		return switch (result) {
			case GrantResult.Granted granted -> headers(HttpStatus.OK).body(granted.response());
			case GrantResult.Refused refused -> headers(HttpStatus.BAD_REQUEST).body(refused.error());
			case GrantResult.MfaRequired mfa -> headers(HttpStatus.BAD_REQUEST).body(new MfaRequiredError(
					OAuthError.MFA_REQUIRED, "A second factor is needed: send grant_type=" + TokenGrants.MFA_OTP
							+ " (or " + TokenGrants.MFA_RECOVERY + ") with this mfa_token and a code.",
					mfa.mfaToken()));
			case GrantResult.ClientRefused client -> {
				ResponseEntity.BodyBuilder response = headers(HttpStatus.UNAUTHORIZED);
				if (client.basic()) {
					response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"keel\", charset=\"UTF-8\"");
				}
				yield response.body(new OAuthError(OAuthError.INVALID_CLIENT, client.description()));
			}
			case GrantResult.Throttled throttled -> {
				long seconds = seconds(throttled.retryAfter());
				yield headers(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
					.body(new OAuthError(OAuthError.RATE_LIMITED,
							"Too many failed logins for this account; try again in " + seconds + " seconds."));
			}
			case GrantResult.Unavailable unavailable -> {
				long seconds = seconds(unavailable.retryAfter());
				yield headers(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
					.body(new OAuthError(OAuthError.TEMPORARILY_UNAVAILABLE,
							"Too many logins at once; try again in " + seconds + " seconds."));
			}
		};
	}

	/**
	 * The {@code mfa_required} error: RFC 6749's shape with the token for the second
	 * step.
	 */
	record MfaRequiredError(@JsonProperty("error") String error, @JsonProperty("error_description") String description,
			@JsonProperty("mfa_token") String mfaToken) {
	}

	/** Whole seconds for Retry-After, rounded up, at least 1. */
	static long seconds(Duration duration) {
		return Math.max(1, (duration.toMillis() + 999) / 1000);
	}

	private static ResponseEntity.BodyBuilder headers(HttpStatus status) {
		return ResponseEntity.status(status)
			.cacheControl(NO_STORE)
			.header(HttpHeaders.PRAGMA, "no-cache")
			.contentType(MediaType.APPLICATION_JSON);
	}

}
