package dev.keel.embedded;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KafkaBrokerIntegrationTests {

	@TempDir
	static Path dataDir;

	static KafkaBroker broker;

	@BeforeAll
	static void startBroker() throws Exception {
		broker = KafkaBroker.start(dataDir, 0, 0);
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void deliversAProducedRecordToAConsumerGroup() throws Exception {
		KafkaFixtures.produce(broker.bootstrapServers(), "orders", "order-1", "created");

		List<ConsumerRecord<String, String>> records = KafkaFixtures.consume(broker.bootstrapServers(), "orders",
				"billing", 1);

		assertThat(records).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("order-1");
			assertThat(record.value()).isEqualTo("created");
		});
	}

	@Test
	void listsACreatedTopicWithThreePartitionsByDefault() throws Exception {
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic("invoices", Optional.empty(), Optional.empty()))).all().get();

			assertThat(admin.listTopics().names().get()).contains("invoices");
			assertThat(admin.describeTopics(Set.of("invoices")).allTopicNames().get().get("invoices").partitions())
				.hasSize(3);
		}
	}

	@Test
	void keepsTopicsAndRecordsAcrossARestartOnTheSameDirectory() throws Exception {
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic("durable", 1, (short) 1))).all().get();
		}
		KafkaFixtures.produce(broker.bootstrapServers(), "durable", "k", "survives");

		broker.close();
		broker = KafkaBroker.start(dataDir, 0, 0);

		try (Admin admin = admin()) {
			assertThat(admin.listTopics().names().get()).contains("durable");
		}
		assertThat(KafkaFixtures.consume(broker.bootstrapServers(), "durable", "after-restart", 1))
			.extracting(ConsumerRecord::value)
			.containsExactly("survives");
	}

	@Test
	void refusesAPortThatIsTaken() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThatExceptionOfType(PortInUseException.class)
				.isThrownBy(() -> KafkaBroker.start(dataDir.resolve("other"), taken.getLocalPort(), 0))
				.withMessageContaining(String.valueOf(taken.getLocalPort()))
				.withMessageContaining("Kafka listener");
		}
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
	}

}
