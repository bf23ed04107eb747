package dev.keel.bench.gateway;

/** The ways a request takes to the service, in the order they are measured. */
enum Route {

	/** The service instance on its own port: the floor. */
	DIRECT("direct"),

	/** nginx as a plain keep-alive reverse proxy to the same instance: the reference. */
	NGINX("nginx"),

	/**
	 * A second gateway, started by the benchmark with
	 * {@code KEEL_GATEWAY_VALIDATE_TOKENS=false}: the gateway without its token check.
	 */
	GATEWAY_NO_VALIDATION("gateway (no validation)"),

	/** The platform's gateway, as clients use it. */
	GATEWAY("gateway");

	private final String label;

	Route(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

}
