package dev.keel.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a broker's storage the first time a data directory is used, as
 * {@code kafka-storage.sh format} would. A KRaft broker refuses to start on an
 * unformatted directory, and formatting again would wipe the cluster id the existing data
 * belongs to, so this only runs while {@code meta.properties} is absent.
 * <p>
 * {@link StorageTool#execute(String[], PrintStream)} is used rather than
 * {@code StorageTool.main} because it reports failure by exception instead of calling
 * {@code System.exit}.
 */
final class KafkaStorage {

	private static final Logger logger = LoggerFactory.getLogger(KafkaStorage.class);

	private KafkaStorage() {
	}

	static void formatIfNeeded(KafkaBrokerSettings settings) throws IOException {
		writeProperties(settings);
		if (Files.exists(settings.logDir().resolve("meta.properties"))) {
			return;
		}
		String clusterId = Uuid.randomUuid().toString();
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int status = StorageTool.execute(
				new String[] { "format", "--cluster-id", clusterId, "--config", settings.propertiesFile().toString() },
				new PrintStream(output, true, StandardCharsets.UTF_8));
		String report = output.toString(StandardCharsets.UTF_8).strip();
		if (status != 0) {
			throw new IllegalStateException("Could not format Kafka storage in " + settings.dataDir() + ": " + report);
		}
		logger.info("Formatted Kafka storage in {} (cluster id {})", settings.logDir(), clusterId);
	}

	/**
	 * Writes the configuration next to the data, where the storage tool reads it and
	 * where a developer looking at the directory can see how the broker was configured.
	 */
	private static void writeProperties(KafkaBrokerSettings settings) throws IOException {
		Files.createDirectories(settings.logDir());
		Properties properties = settings.toProperties();
		try (OutputStream out = Files.newOutputStream(settings.propertiesFile())) {
			properties.store(out, "Written by Keel on every start; edits are overwritten");
		}
	}

}
