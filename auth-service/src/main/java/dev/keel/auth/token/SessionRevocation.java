package dev.keel.auth.token;

public class SessionRevocation {

	public void revokeAllSessions(String userId) {
	}

	public void revokeOtherSessions(String userId, String keepSessionId) {
	}

}
