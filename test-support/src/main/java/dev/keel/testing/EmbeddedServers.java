package dev.keel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.keel.embedded.KafkaBroker;
import dev.keel.embedded.MongoStore;

/**
 * The default infrastructure: Keel's own {@link KafkaBroker} in a temporary directory on
 * free ports, and an in-memory {@link MongoStore}. Nothing outlives the test JVM.
 */
final class EmbeddedServers implements Infrastructure {

	private final Path kafkaDir;

	private final KafkaBroker kafka;

	private final MongoStore mongo;

	private EmbeddedServers(Path kafkaDir, KafkaBroker kafka, MongoStore mongo) {
		this.kafkaDir = kafkaDir;
		this.kafka = kafka;
		this.mongo = mongo;
	}

	static EmbeddedServers start() {
		try {
			Path kafkaDir = Files.createTempDirectory("keel-test-kafka-");
			MongoStore mongo = MongoStore.inMemory();
			try {
				return new EmbeddedServers(kafkaDir, KafkaBroker.start(kafkaDir, 0, 0), mongo);
			}
			catch (IOException | RuntimeException ex) {
				mongo.close();
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded Kafka broker", ex);
		}
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	@Override
	public String mongoUri() {
		return this.mongo.connectionString();
	}

	@Override
	public void close() {
		try {
			this.kafka.close();
		}
		finally {
			this.mongo.close();
			deleteRecursively(this.kafkaDir);
		}
	}

	private static void deleteRecursively(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temporary directory is not worth failing a test run for.
		}
	}

}
