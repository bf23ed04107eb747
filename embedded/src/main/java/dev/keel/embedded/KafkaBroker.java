package dev.keel.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode, running in this JVM.
 * <p>
 * The node is both controller and broker, listens on {@code localhost} only, and keeps
 * its data under the given directory, so topics and records survive a restart on the same
 * directory. The storage is formatted on first use only. Kafka's own logging goes through
 * SLF4J; it is quiet at the log levels Keel configures.
 */
public final class KafkaBroker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(KafkaBroker.class);

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private final KafkaBrokerSettings settings;

	private final KafkaRaftServer server;

	private boolean closed;

	private KafkaBroker(KafkaBrokerSettings settings, KafkaRaftServer server) {
		this.settings = settings;
		this.server = server;
	}

	/**
	 * Starts a broker and returns once a client can reach it.
	 * @param dataDir where the broker keeps its configuration and logs; created if
	 * missing
	 * @param port the PLAINTEXT (client) port, or 0 for a free one
	 * @param controllerPort the KRaft controller port, or 0 for a free one
	 * @return the running broker
	 * @throws PortInUseException if a requested port is taken
	 * @throws IOException if the data directory cannot be written
	 */
	public static KafkaBroker start(Path dataDir, int port, int controllerPort) throws IOException {
		long started = System.nanoTime();
		KafkaBrokerSettings settings = settings(dataDir, port, controllerPort);
		KafkaStorage.formatIfNeeded(settings);
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings.toProperties(), false),
				Time.SYSTEM);
		KafkaBroker broker = new KafkaBroker(settings, server);
		try {
			server.startup();
			broker.awaitReachable();
		}
		catch (RuntimeException ex) {
			broker.closeAfterFailure(ex);
			throw ex;
		}
		logger.info("Kafka broker ready on {} in {} ms (data in {})", settings.bootstrapServers(),
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir);
		return broker;
	}

	/**
	 * Resolves the ports up front: Kafka needs them in its configuration, and cannot
	 * report ports it chose itself.
	 */
	private static KafkaBrokerSettings settings(Path dataDir, int port, int controllerPort) {
		int clientPort = Ports.freeOrRequested(port, "Kafka listener");
		int quorumPort = Ports.freeOrRequested(controllerPort, "Kafka controller");
		while (controllerPort == 0 && quorumPort == clientPort) {
			quorumPort = Ports.freeOrRequested(0, "Kafka controller");
		}
		if (quorumPort == clientPort) {
			throw new IllegalArgumentException(
					"The Kafka listener and controller need different ports, both are " + port);
		}
		return new KafkaBrokerSettings(dataDir, clientPort, quorumPort);
	}

	/**
	 * The address clients bootstrap from.
	 * @return {@code localhost:<port>}
	 */
	public String bootstrapServers() {
		return this.settings.bootstrapServers();
	}

	/**
	 * The PLAINTEXT (client) port.
	 * @return the port
	 */
	public int port() {
		return this.settings.port();
	}

	/**
	 * The KRaft controller port.
	 * @return the port
	 */
	public int controllerPort() {
		return this.settings.controllerPort();
	}

	/**
	 * Shuts the broker down and waits until it has flushed its logs. Idempotent.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.server.shutdown();
		this.server.awaitShutdown();
		logger.info("Kafka broker on {} stopped", bootstrapServers());
	}

	private void closeAfterFailure(RuntimeException failure) {
		try {
			close();
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	/**
	 * The server's startup returns once the broker is unfenced; a cluster description
	 * through a real client proves the listener answers as clients will see it.
	 */
	private void awaitReachable() {
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
		try (Admin admin = Admin.create(config)) {
			admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the Kafka broker", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(
					"Kafka broker on " + bootstrapServers() + " did not answer within " + READY_TIMEOUT, ex);
		}
	}

}
