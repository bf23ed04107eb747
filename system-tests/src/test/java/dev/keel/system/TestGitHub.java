package dev.keel.system;

import dev.keel.testing.GitHubStandIn;

/**
 * The local stand-in of GitHub's endpoints ({@link GitHubStandIn}) on a port of the test
 * platform's range, started before the platform; auth-service's provider {@value #ID} is
 * pointed at it ({@link KeelCli#environment()}).
 */
final class TestGitHub {

	static final String ID = "github";

	static final String CLIENT_ID = "Iv1.keel-system-test";

	static final String CLIENT_SECRET = "system-test-github-secret";

	static final int PORT = KeelCli.port(8091);

	/** Where the stand-in answers; GitHub's web flow and API share it. */
	static final String URL = "http://127.0.0.1:" + PORT;

	private static GitHubStandIn standIn;

	private TestGitHub() {
	}

	/** The stand-in, started once per test run; it stops with the JVM. */
	static synchronized GitHubStandIn standIn() {
		if (standIn == null) {
			standIn = GitHubStandIn.start(PORT, CLIENT_ID, CLIENT_SECRET);
		}
		return standIn;
	}

}
