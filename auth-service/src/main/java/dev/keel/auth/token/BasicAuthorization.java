package dev.keel.auth.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Client credentials from an {@code Authorization: Basic} header, decoded as RFC 6749
 * §2.3.1 prescribes: base64 of the form-urlencoded id, a colon, the form-urlencoded
 * secret.
 */
sealed interface BasicAuthorization {

	/** No Basic header. */
	record None() implements BasicAuthorization {
	}

	record Credentials(String clientId, String clientSecret) implements BasicAuthorization {
	}

	/** A Basic header that cannot be decoded. */
	record Malformed() implements BasicAuthorization {
	}

	static BasicAuthorization parse(String header) {
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return new None();
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon < 1) {
				return new Malformed();
			}
			return new Credentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
					URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			return new Malformed();
		}
	}

}
