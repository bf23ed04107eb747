package dev.keel.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Gives a service's integration tests a real Kafka broker and a MongoDB-wire store.
 * <p>
 * Declare it before the Spring test context, so that the context resolves Keel's
 * placeholders against the running infrastructure: <pre class="code">
 * &#64;ExtendWith(EmbeddedInfrastructure.class)
 * &#64;SpringBootTest
 * class DocumentIntegrationTests { ... }
 * </pre>
 * <p>
 * The infrastructure starts once per JVM, on the first test class that uses the
 * extension, and is shared by every later one; JUnit closes it when the run ends. Once it
 * is up, the system properties {@code KEEL_KAFKA_BOOTSTRAP_SERVERS} and
 * {@code KEEL_MONGODB_URI} point at it (Spring resolves {@code ${KEEL_...}} placeholders
 * from system properties), and {@link #kafkaBootstrapServers()} and {@link #mongoUri()}
 * return the same values. Tests share the broker and the store, so each test class should
 * use its own topics, consumer groups and databases or collections.
 * <p>
 * What runs is chosen by {@code KEEL_TEST_INFRA} (environment variable, or system
 * property of the same name):
 * <ul>
 * <li>{@code embedded} (default): Keel's in-process Kafka broker (KRaft, temporary
 * directory, free ports) and an in-memory mongo-java-server store. Needs nothing but the
 * JDK, but the store has no sessions, so no MongoDB transactions.</li>
 * <li>{@code containers}: {@code mongo:8} and {@code apache/kafka:4.1.1} through
 * Testcontainers, which must be on the test classpath, with a Docker engine.</li>
 * <li>{@code auto}: containers when Testcontainers is present and Docker answers,
 * embedded otherwise.</li>
 * </ul>
 */
public class EmbeddedInfrastructure implements BeforeAllCallback {

	/**
	 * The system property that receives the Kafka bootstrap servers.
	 */
	public static final String KAFKA_BOOTSTRAP_SERVERS = "KEEL_KAFKA_BOOTSTRAP_SERVERS";

	/**
	 * The system property that receives the MongoDB connection string.
	 */
	public static final String MONGODB_URI = "KEEL_MONGODB_URI";

	private static final Namespace NAMESPACE = Namespace.create(EmbeddedInfrastructure.class);

	private static volatile Infrastructure running;

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Infrastructure.class, (key) -> start(), Infrastructure.class);
	}

	/**
	 * The bootstrap servers of the shared broker.
	 * @return for example {@code localhost:40123}
	 * @throws IllegalStateException if the extension has not run in this JVM yet
	 */
	public static String kafkaBootstrapServers() {
		return require().kafkaBootstrapServers();
	}

	/**
	 * The connection string of the shared store.
	 * @return for example {@code mongodb://localhost:40124}
	 * @throws IllegalStateException if the extension has not run in this JVM yet
	 */
	public static String mongoUri() {
		return require().mongoUri();
	}

	private static Infrastructure start() {
		Infrastructure infrastructure = new ClearingOnClose(InfrastructureMode.resolve().start());
		System.setProperty(KAFKA_BOOTSTRAP_SERVERS, infrastructure.kafkaBootstrapServers());
		System.setProperty(MONGODB_URI, infrastructure.mongoUri());
		running = infrastructure;
		return infrastructure;
	}

	private static Infrastructure require() {
		Infrastructure infrastructure = running;
		if (infrastructure == null) {
			throw new IllegalStateException("Keel's test infrastructure is not running: annotate the test class with"
					+ " @ExtendWith(EmbeddedInfrastructure.class)");
		}
		return infrastructure;
	}

	/**
	 * Withdraws the system properties and the static accessors' target when JUnit closes
	 * the infrastructure, so nothing points at stopped servers.
	 */
	private record ClearingOnClose(Infrastructure delegate) implements Infrastructure {

		@Override
		public String kafkaBootstrapServers() {
			return this.delegate.kafkaBootstrapServers();
		}

		@Override
		public String mongoUri() {
			return this.delegate.mongoUri();
		}

		@Override
		public void close() {
			running = null;
			System.clearProperty(KAFKA_BOOTSTRAP_SERVERS);
			System.clearProperty(MONGODB_URI);
			this.delegate.close();
		}

	}

}
