package dev.keel.auth.token;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.keel.support.web.KeelProblemException;

/** The caller's own sessions: see them, end one, end all the others. */
@RestController
@RequestMapping("/api/auth/me/sessions")
class MySessionsController {

	private final UserSessions sessions;

	MySessionsController(UserSessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping
	@Operation(summary = "The caller's live sessions, newest first",
			description = "current is true for the session of the access token that made the call.")
	List<SessionView> list(@AuthenticationPrincipal Jwt token) {
		return this.sessions.list(token.getSubject(), token.getClaimAsString("sid"));
	}

	@DeleteMapping("/{sessionId}")
	@Operation(summary = "End one of the caller's sessions",
			description = "Its refresh token stops working at once; its access tokens expire on their own.",
			responses = { @ApiResponse(responseCode = "204", description = "Ended"), @ApiResponse(responseCode = "404",
					description = "session_not_found: no live session of the caller has this id") })
	ResponseEntity<Void> end(@AuthenticationPrincipal Jwt token, @PathVariable String sessionId) {
		if (!this.sessions.end(token.getSubject(), sessionId)) {
			throw notFound(sessionId);
		}
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping
	@Operation(summary = "End every session of the caller but the current one",
			responses = @ApiResponse(responseCode = "204", description = "Ended"))
	ResponseEntity<Void> endOthers(@AuthenticationPrincipal Jwt token) {
		this.sessions.endAllBut(token.getSubject(), token.getClaimAsString("sid"));
		return ResponseEntity.noContent().build();
	}

	static KeelProblemException notFound(String sessionId) {
		return KeelProblemException.notFound("session_not_found", "There is no live session " + sessionId + ".");
	}

}
