package dev.keel.events;

/**
 * Default Kafka topic names. Services read the actual names from configuration and fall
 * back to these, so that a deployment can prefix or rename topics without a code change.
 */
public final class Topics {

	/** Events about user accounts, published by auth-service. */
	public static final String AUTH_EVENTS = "keel.auth.events";

	/** Events about collections and documents, published by data-service. */
	public static final String DATA_EVENTS = "keel.data.events";

	/** Events about files, published by storage-service. */
	public static final String STORAGE_EVENTS = "keel.storage.events";

	/** Suffix of the topic that receives the records a consumer gave up on. */
	public static final String DEAD_LETTER_SUFFIX = ".dlt";

	private Topics() {
	}

	/**
	 * The dead-letter topic of a topic.
	 * @param topic the topic consumed from
	 * @return the name of its dead-letter topic
	 */
	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
