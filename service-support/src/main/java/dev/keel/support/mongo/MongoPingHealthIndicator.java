package dev.keel.support.mongo;

import com.mongodb.client.MongoClient;
import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * MongoDB health by a {@code ping}, which every MongoDB-wire server answers. Boot's own
 * indicator sends {@code hello}, which the embedded store (mongo-java-server) does not
 * implement, so a healthy local service would never become ready.
 */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoClient client;

	MongoPingHealthIndicator(MongoClient client) {
		super("MongoDB health check failed");
		this.client = client;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document reply = this.client.getDatabase("admin").runCommand(new Document("ping", 1));
		builder.up().withDetail("ok", reply.get("ok"));
	}

}
