package dev.keel.gateway.security;

import java.util.List;

import org.springframework.http.HttpHeaders;

/**
 * The credentials a request carries in its {@code Authorization} header, as far as the
 * edge is concerned: a bearer token, a malformed attempt at one, or none. Other schemes,
 * such as {@code Basic} for a client's secret at the token endpoint, count as no token.
 */
sealed interface BearerToken {

	String SCHEME = "Bearer";

	static BearerToken of(HttpHeaders headers) {
		List<String> values = headers.get(HttpHeaders.AUTHORIZATION);
		if (values == null || values.isEmpty()) {
			return Absent.INSTANCE;
		}
		if (values.size() > 1) {
			// Which one would a service read? Refuse to guess when a token is among them.
			return values.stream().anyMatch(BearerToken::isBearer) ? Malformed.INSTANCE : Absent.INSTANCE;
		}
		return of(values.getFirst());
	}

	static BearerToken of(String authorization) {
		if (!isBearer(authorization)) {
			return Absent.INSTANCE;
		}
		String token = authorization.substring(SCHEME.length()).strip();
		return isB64Token(token) ? new Present(token) : Malformed.INSTANCE;
	}

	/**
	 * RFC 6750's b64token, as the services' Spring Security reads it:
	 * {@code [A-Za-z0-9-._~+/]+=*}. A loop rather than a regular expression, since it
	 * runs on every request.
	 */
	private static boolean isB64Token(String token) {
		int end = token.length();
		while (end > 0 && token.charAt(end - 1) == '=') {
			end--;
		}
		if (end == 0) {
			return false;
		}
		for (int i = 0; i < end; i++) {
			char c = token.charAt(i);
			boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	private static boolean isBearer(String authorization) {
		return authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
				&& (authorization.length() == SCHEME.length() || authorization.charAt(SCHEME.length()) == ' ');
	}

	/** No bearer token at all. */
	enum Absent implements BearerToken {

		INSTANCE

	}

	/** The {@code Bearer} scheme without a token that could be one. */
	enum Malformed implements BearerToken {

		INSTANCE

	}

	/**
	 * A token, not checked yet.
	 *
	 * @param value the token
	 */
	record Present(String value) implements BearerToken {
	}

}
