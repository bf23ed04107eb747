package dev.keel.launcher.bench;

/** What a scenario sends its requests to. */
enum Target {

	/** data-service's API through the gateway, as clients use it. */
	GATEWAY("gateway"),

	/** data-service's API on one instance's own port. */
	DIRECT("direct"),

	/** The MongoDB driver on data-service's store, with no service in between. */
	RAW_DRIVER("raw driver");

	private final String label;

	Target(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

}
