package dev.keel.cli.platform;

/** The start-up tiers of a platform; each tier starts once the previous one is ready. */
public enum Kind {

	/**
	 * Embedded infrastructure: the Kafka broker, the MongoDB-wire stores, the mail sink.
	 */
	INFRA,

	/** The Eureka server. */
	DISCOVERY,

	/** auth, data, notification and the gateway. */
	SERVICE

}
