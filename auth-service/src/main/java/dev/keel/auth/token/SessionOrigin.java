package dev.keel.auth.token;

/**
 * How and from where a session was started, shown to its user in their list of sessions.
 * Informational only: nothing is decided on it.
 *
 * @param method the sign-in method: {@code password}, {@code otp}, {@code anonymous},
 * {@code provider} (an id_token exchange), or for {@code authorization_code} the method
 * of the browser sign-in ({@code magic_link} or the identity provider's name)
 * @param userAgent the {@code User-Agent} of the request that started it, stripped of
 * control characters and cut to {@value #MAX_USER_AGENT} characters; {@code null} when
 * none was sent
 * @param ip the client IP address ({@link ClientDevice}); {@code null} when unknown
 */
record SessionOrigin(String method, String userAgent, String ip) {

	static final int MAX_USER_AGENT = 256;

	SessionOrigin {
		userAgent = trimmed(userAgent);
	}

	static SessionOrigin of(String method, ClientDevice device) {
		return new SessionOrigin(method, device.userAgent(), device.ip());
	}

	private static String trimmed(String userAgent) {
		if (userAgent == null) {
			return null;
		}
		String printable = userAgent.replaceAll("\\p{Cntrl}", "").strip();
		if (printable.isEmpty()) {
			return null;
		}
		return (printable.length() > MAX_USER_AGENT) ? printable.substring(0, MAX_USER_AGENT) : printable;
	}

}
