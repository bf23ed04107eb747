package dev.keel.testing;

/**
 * A running Kafka broker and MongoDB store, however they were provided. Closing it stops
 * both.
 */
interface Infrastructure extends AutoCloseable {

	String kafkaBootstrapServers();

	String mongoUri();

	/**
	 * Closes without checked exceptions: JUnit closes stored resources at the end of the
	 * run, where there is nothing left to do about a failure but report it.
	 */
	@Override
	void close();

}
