package dev.keel.auth.token;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.keel.auth.token.RequestParameters.Parsed;

/** Ending sessions from the client side: token revocation (RFC 7009) and logout. */
@RestController
class SessionController {

	private final RefreshTokens refreshTokens;

	private final SessionRevocation sessions;

	SessionController(RefreshTokens refreshTokens, SessionRevocation sessions) {
		this.refreshTokens = refreshTokens;
		this.sessions = sessions;
	}

	/**
	 * Revokes the family of a refresh token. Always 200, whether the token was valid,
	 * unknown, already revoked or an access token (those cannot be revoked and simply
	 * expire), so the answer tells a caller nothing about the token.
	 */
	@PostMapping("/api/auth/revoke")
	@Operation(summary = "Revoke a refresh token (RFC 7009)",
			requestBody = @RequestBody(required = true,
					content = { @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
							schemaProperties = @SchemaProperty(name = "token",
									schema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))) }))
	ResponseEntity<Void> revoke(HttpServletRequest request) {
		if (RequestParameters.read(request) instanceof Parsed.Parameters parameters
				&& parameters.values().get("token") instanceof String token && !token.isEmpty()) {
			this.refreshTokens.revoke(token);
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
	}

	/** Ends the caller's current session: the one named by the access token's sid. */
	@PostMapping("/api/auth/logout")
	ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt token) {
		String sessionId = token.getClaimAsString("sid");
		if (sessionId != null) {
			this.sessions.endSession(token.getSubject(), sessionId);
		}
		return ResponseEntity.noContent().build();
	}

}
