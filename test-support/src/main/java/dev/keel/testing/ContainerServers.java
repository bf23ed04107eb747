package dev.keel.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real MongoDB and Apache Kafka in Docker, through Testcontainers. Only this class
 * references Testcontainers, and it is loaded only when containers are asked for, so that
 * services without Testcontainers on their test classpath can still use
 * {@link EmbeddedInfrastructure}.
 */
final class ContainerServers implements Infrastructure {

	static final String MONGO_IMAGE = "mongo:8";

	static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

	private final MongoDBContainer mongo;

	private final KafkaContainer kafka;

	private ContainerServers(MongoDBContainer mongo, KafkaContainer kafka) {
		this.mongo = mongo;
		this.kafka = kafka;
	}

	static boolean dockerAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	static ContainerServers start() {
		MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
		KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
		try {
			mongo.start();
			kafka.start();
		}
		catch (RuntimeException ex) {
			kafka.stop();
			mongo.stop();
			throw ex;
		}
		return new ContainerServers(mongo, kafka);
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.getBootstrapServers();
	}

	@Override
	public String mongoUri() {
		return this.mongo.getConnectionString();
	}

	@Override
	public void close() {
		this.kafka.stop();
		this.mongo.stop();
	}

}
