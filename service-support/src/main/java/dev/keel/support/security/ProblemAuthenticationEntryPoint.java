package dev.keel.support.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.util.StringUtils;

import dev.keel.support.web.ProblemResponses;

/**
 * Answers a request without a usable token: 401 {@code unauthorized} with an RFC 6750
 * challenge, {@code Bearer} alone when no token was sent, and with
 * {@code error="invalid_token"} and its description when one was sent and rejected. When
 * the token could not be checked at all (auth-service's keys unreachable) it answers 503
 * {@code service_unavailable} instead, since the caller did nothing wrong.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

	private final ProblemResponses problems;

	ProblemAuthenticationEntryPoint(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof AuthenticationServiceException) {
			keysUnavailable(request, response, ex);
		}
		else if (ex instanceof OAuth2AuthenticationException rejected) {
			tokenRejected(request, response, rejected.getError());
		}
		else {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			this.problems.send(request, response, HttpStatus.UNAUTHORIZED, "unauthorized",
					"This request needs a bearer token in the Authorization header.");
		}
	}

	private void keysUnavailable(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		log.warn("Could not verify a bearer token: {}", ex.getMessage());
		response.setHeader(HttpHeaders.RETRY_AFTER, "5");
		this.problems.send(request, response, HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
				"Tokens cannot be verified right now. Try again shortly.");
	}

	private void tokenRejected(HttpServletRequest request, HttpServletResponse response, OAuth2Error error)
			throws IOException {
		// A malformed request (two tokens, say) is a 400 invalid_request; a bad token a
		// 401.
		HttpStatus status = (error instanceof BearerTokenError bearer) ? bearer.getHttpStatus()
				: HttpStatus.UNAUTHORIZED;
		String code = (status == HttpStatus.UNAUTHORIZED) ? "unauthorized" : "bad_request";
		String detail = StringUtils.hasText(error.getDescription()) ? error.getDescription()
				: "The bearer token is invalid.";
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge(error));
		this.problems.send(request, response, status, code, detail);
	}

	static String challenge(OAuth2Error error) {
		StringBuilder challenge = new StringBuilder("Bearer error=\"").append(quotable(error.getErrorCode()))
			.append('"');
		if (StringUtils.hasText(error.getDescription())) {
			challenge.append(", error_description=\"").append(quotable(error.getDescription())).append('"');
		}
		return challenge.toString();
	}

	/** Keeps only the characters RFC 6750 allows inside these quoted values. */
	private static String quotable(String value) {
		StringBuilder kept = new StringBuilder(value.length());
		value.chars()
			.filter((c) -> c >= 0x20 && c <= 0x7E && c != '"' && c != '\\')
			.forEach((c) -> kept.append((char) c));
		return kept.toString();
	}

}
