package dev.keel.embedded;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of Keel's single-node broker: one process that is both the KRaft
 * controller and the broker, with every replication factor at 1. Partition counts of the
 * internal topics are lowered from 50 because creating 50 partitions makes the first
 * consumer group join take seconds on a two-core laptop; {@code num.partitions=3} keeps
 * ordinary topics partitioned enough to exercise keyed ordering.
 */
record KafkaBrokerSettings(Path dataDir, int port, int controllerPort) {

	static final int NODE_ID = 1;

	Path logDir() {
		return this.dataDir.resolve("logs");
	}

	Path propertiesFile() {
		return this.dataDir.resolve("server.properties");
	}

	String bootstrapServers() {
		return "localhost:" + this.port;
	}

	Properties toProperties() {
		Properties properties = new Properties();
		properties.setProperty("process.roles", "broker,controller");
		properties.setProperty("node.id", String.valueOf(NODE_ID));
		properties.setProperty("controller.quorum.voters", NODE_ID + "@localhost:" + this.controllerPort);
		properties.setProperty("listeners",
				"PLAINTEXT://localhost:" + this.port + ",CONTROLLER://localhost:" + this.controllerPort);
		properties.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + this.port);
		properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.setProperty("controller.listener.names", "CONTROLLER");
		properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
		properties.setProperty("log.dirs", logDir().toAbsolutePath().toString());
		properties.setProperty("num.partitions", "3");
		properties.setProperty("auto.create.topics.enable", "true");
		properties.setProperty("group.initial.rebalance.delay.ms", "0");
		properties.setProperty("default.replication.factor", "1");
		properties.setProperty("min.insync.replicas", "1");
		properties.setProperty("offsets.topic.replication.factor", "1");
		properties.setProperty("offsets.topic.num.partitions", "5");
		properties.setProperty("transaction.state.log.replication.factor", "1");
		properties.setProperty("transaction.state.log.min.isr", "1");
		properties.setProperty("transaction.state.log.num.partitions", "5");
		properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
		properties.setProperty("share.coordinator.state.topic.min.isr", "1");
		properties.setProperty("num.network.threads", "2");
		properties.setProperty("num.io.threads", "2");
		// The log cleaner (compacting __consumer_offsets) allocates this on the heap at
		// start:
		// 128 MiB by default, most of an idle local broker's memory. 16 MiB still dedupes
		// about 700,000 keys per pass.
		properties.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
		return properties;
	}

}
