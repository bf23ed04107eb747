package dev.keel.support.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import dev.keel.support.web.ProblemResponses;

/**
 * Answers an authenticated caller who lacks the role a route or method needs: 403
 * {@code forbidden}, with the RFC 6750 {@code insufficient_scope} challenge.
 */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final ProblemResponses problems;

	ProblemAccessDeniedHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		this.problems.send(request, response, HttpStatus.FORBIDDEN, "forbidden",
				"The caller's token does not grant access to this resource.");
	}

}
