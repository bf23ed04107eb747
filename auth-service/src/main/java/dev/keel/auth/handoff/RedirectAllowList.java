package dev.keel.auth.handoff;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where a browser sign-in may send the person back to, from
 * {@code KEEL_AUTH_REDIRECT_ALLOW_LIST} (comma-separated). An entry is
 * <ul>
 * <li>an origin, {@code https://app.example.com}: any path there;</li>
 * <li>an origin and a path ending in {@code /}, {@code https://app.example.com/auth/}:
 * that path and any below it;</li>
 * <li>an origin and any other path, {@code https://app.example.com/callback}: exactly
 * that path;</li>
 * <li>a native app's own scheme, {@code com.example.app:/callback}, by the same path
 * rules (only schemes listed here; {@code javascript}, {@code data}, {@code vbscript} and
 * {@code file} never).</li>
 * </ul>
 * A redirect is compared as a parsed URI (scheme, host, port with the scheme's default,
 * path), never as a string prefix; its query is free. Refused outright: anything that is
 * not an absolute hierarchical URI, user info ({@code https://app@evil.com}), a fragment,
 * a backslash, control characters or spaces, an encoded dot, slash or backslash or a
 * {@code .}/{@code ..} segment or an empty segment in the path. An empty list allows
 * nothing.
 */
public final class RedirectAllowList {

	private static final int MAX_LENGTH = 2048;

	private static final Set<String> NEVER = Set.of("javascript", "data", "vbscript", "file", "blob");

	private final List<Entry> entries;

	private RedirectAllowList(List<Entry> entries) {
		this.entries = List.copyOf(entries);
	}

	/**
	 * @param commaSeparated the entries
	 * @throws IllegalArgumentException naming an entry that is not a valid one
	 */
	public static RedirectAllowList parse(String commaSeparated) {
		List<Entry> entries = new ArrayList<>();
		for (String value : (commaSeparated != null) ? commaSeparated.split(",") : new String[0]) {
			if (!value.isBlank()) {
				entries.add(Entry.of(value.strip()));
			}
		}
		return new RedirectAllowList(entries);
	}

	/** Whether no redirect is allowed at all. */
	public boolean isEmpty() {
		return this.entries.isEmpty();
	}

	/** Whether the browser may be sent to this URL after a sign-in. */
	public boolean allows(String redirect) {
		URI uri = safe(redirect);
		return uri != null && this.entries.stream().anyMatch((entry) -> entry.matches(uri));
	}

	/** The URI when it passes the checks every redirect must pass, else {@code null}. */
	private static URI safe(String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
				|| value.chars().anyMatch((c) -> c <= 0x20 || c == 0x7f || c == '\\')) {
			return null;
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			return null;
		}
		if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawUserInfo() != null || uri.getRawFragment() != null
				|| NEVER.contains(uri.getScheme().toLowerCase(Locale.ROOT)) || !safePath(uri.getRawPath())) {
			return null;
		}
		boolean web = web(uri.getScheme());
		if ((web && uri.getHost() == null) || (uri.getHost() == null && uri.getRawAuthority() != null)) {
			return null; // an authority Java could not read as a host: never guess
		}
		return uri;
	}

	private static boolean safePath(String rawPath) {
		String path = rawPath.toLowerCase(Locale.ROOT);
		if (path.contains("%2e") || path.contains("%2f") || path.contains("%5c") || path.contains("//")) {
			return false;
		}
		for (String segment : path.split("/", -1)) {
			if (segment.equals(".") || segment.equals("..")) {
				return false;
			}
		}
		return true;
	}

	private static boolean web(String scheme) {
		return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
	}

	private static int effectivePort(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
			case "http" -> 80;
			case "https" -> 443;
			default -> -1;
		};
	}

	private static String lower(String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * One allowed place: {@code path} empty for a whole origin, ending in {@code /} for a
	 * prefix, otherwise exact.
	 */
	private record Entry(String scheme, String host, int port, String path) {

		static Entry of(String value) {
			URI uri = safe(value);
			if (uri == null || uri.getRawQuery() != null) {
				throw new IllegalArgumentException("KEEL_AUTH_REDIRECT_ALLOW_LIST: '" + value
						+ "' is not an allowed redirect (an http(s) origin with an optional path, or an app's "
						+ "own scheme and path; no user info, query or fragment)");
			}
			return new Entry(lower(uri.getScheme()), lower(uri.getHost()), effectivePort(uri), uri.getRawPath());
		}

		boolean matches(URI uri) {
			return this.scheme.equals(lower(uri.getScheme())) && Objects.equals(this.host, lower(uri.getHost()))
					&& this.port == effectivePort(uri) && pathMatches(uri.getRawPath());
		}

		private boolean pathMatches(String candidate) {
			if (this.path.isEmpty()) {
				return true;
			}
			return this.path.endsWith("/") ? candidate.startsWith(this.path) : candidate.equals(this.path);
		}

	}

}
