package dev.keel.gateway.edge;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * A query string fit for a log: the values of parameters that carry secrets (stream
 * tickets, link tokens, OAuth2 credentials) are replaced by {@code ***}; everything else
 * stays as the client sent it, so a line can still be matched to a request.
 */
final class SafeQuery {

	static final String MASK = "***";

	private static final Set<String> SECRET_PARAMETERS = Set.of("ticket", "token", "access_token", "refresh_token",
			"client_secret", "password");

	private SafeQuery() {
	}

	/**
	 * The raw query with secret values masked.
	 * @param rawQuery the query as received, without {@code ?}
	 * @return the query to log, or {@code null} when there is none
	 */
	static @Nullable String of(@Nullable String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return null;
		}
		StringJoiner safe = new StringJoiner("&");
		for (String parameter : rawQuery.split("&", -1)) {
			int equals = parameter.indexOf('=');
			String name = (equals >= 0) ? parameter.substring(0, equals) : parameter;
			safe.add((equals >= 0 && isSecret(name)) ? name + "=" + MASK : parameter);
		}
		return safe.toString();
	}

	private static boolean isSecret(String rawName) {
		return SECRET_PARAMETERS.contains(decode(rawName).trim().toLowerCase(Locale.ROOT));
	}

	// A client may encode a name (tick%65t) to slip its value past a plain comparison.
	private static String decode(String rawName) {
		try {
			return URLDecoder.decode(rawName, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return rawName;
		}
	}

}
