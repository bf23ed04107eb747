package dev.keel.support.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds the bearer token in the {@code Authorization} header as Spring Security's
 * {@link DefaultBearerTokenResolver} does, without its regular expression, which ran over
 * the whole token (about 800 characters) on every request and cost more than the
 * remembered token's checks. A well-formed {@code Bearer} header is answered here; every
 * other request (no header, another scheme, a malformed token) goes to Spring's resolver,
 * so those keep exactly its answers.
 */
final class QuickBearerTokens implements BearerTokenResolver {

	private static final String BEARER = "Bearer ";

	private final BearerTokenResolver standard = new DefaultBearerTokenResolver();

	@Override
	public String resolve(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
				&& isToken(authorization, BEARER.length())) {
			return authorization.substring(BEARER.length());
		}
		return this.standard.resolve(request);
	}

	/**
	 * Whether the text from {@code start} is {@code [a-zA-Z0-9-._~+/]+=*}, RFC 6750's
	 * b64token.
	 */
	static boolean isToken(String text, int start) {
		int i = start;
		while (i < text.length() && isTokenCharacter(text.charAt(i))) {
			i++;
		}
		if (i == start) {
			return false;
		}
		while (i < text.length() && text.charAt(i) == '=') {
			i++;
		}
		return i == text.length();
	}

	private static boolean isTokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
