package dev.keel.auth.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where the act came from: the client address and user agent of the current request, its
 * request id and the authenticated caller. Everything is {@code null} outside a request,
 * as in a scheduled key rotation.
 *
 * @param ip the address the request came from
 * @param userAgent its {@code User-Agent}, cut to {@value #MAX_USER_AGENT} characters
 * @param requestId its {@code X-Request-Id}
 * @param caller the subject of the caller's access token
 */
record RequestOrigin(@Nullable String ip, @Nullable String userAgent, @Nullable String requestId,
		@Nullable String caller) {

	static final int MAX_USER_AGENT = 256;

	static RequestOrigin current() {
		HttpServletRequest request = (RequestContextHolder
			.getRequestAttributes() instanceof ServletRequestAttributes attributes) ? attributes.getRequest() : null;
		String ip = (request != null) ? request.getRemoteAddr() : null;
		String userAgent = (request != null) ? bounded(request.getHeader("User-Agent")) : null;
		return new RequestOrigin(ip, userAgent, MDC.get("requestId"), authenticatedCaller());
	}

	private static @Nullable String authenticatedCaller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return null;
		}
		return authentication.getName();
	}

	private static @Nullable String bounded(@Nullable String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return null;
		}
		return (userAgent.length() > MAX_USER_AGENT) ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
	}

}
