package dev.keel.bench;

/**
 * What a scenario sends its requests to, in the order they run: from the store up to the
 * client's full path.
 */
enum Target {

	/** The MongoDB driver on data-service's store, with no service in between. */
	RAW_DRIVER("raw driver"),

	/** data-service's API on one instance's own port. */
	DIRECT("direct"),

	/** data-service's API through the gateway, as clients use it. */
	GATEWAY("gateway");

	private final String label;

	Target(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

}
