package dev.keel.auth.token;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An admin's view of a user's sessions. */
@RestController
@RequestMapping("/api/auth/admin/users/{userId}/sessions")
@PreAuthorize("hasRole('admin')")
class AdminSessionsController {

	private final UserSessions sessions;

	AdminSessionsController(UserSessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping
	@Operation(summary = "A user's live sessions, newest first",
			description = "An empty list for a user with none, or an id that names no user.")
	List<SessionView> list(@PathVariable String userId) {
		return this.sessions.list(userId, null);
	}

	@DeleteMapping("/{sessionId}")
	@Operation(summary = "End one of a user's sessions",
			responses = { @ApiResponse(responseCode = "204", description = "Ended"), @ApiResponse(responseCode = "404",
					description = "session_not_found: the user has no live session with this id") })
	ResponseEntity<Void> end(@PathVariable String userId, @PathVariable String sessionId) {
		if (!this.sessions.end(userId, sessionId)) {
			throw MySessionsController.notFound(sessionId);
		}
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping
	@Operation(summary = "End every session of a user",
			responses = @ApiResponse(responseCode = "204", description = "Ended"))
	ResponseEntity<Void> endAll(@PathVariable String userId) {
		this.sessions.endAllBut(userId, null);
		return ResponseEntity.noContent().build();
	}

}
