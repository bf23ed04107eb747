package dev.keel.data.config;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Turns Spring Data {@link Update}s (which the shared outbox builds) into documents the
 * MongoDB driver can send. data-service writes through the driver directly, because
 * Spring Data's query mapping would turn its 24-hex string ids into ObjectIds.
 */
@Component
public class DriverUpdates {

	private final UpdateMapper mapper;

	DriverUpdates(MongoTemplate mongo) {
		this.mapper = new UpdateMapper(mongo.getConverter());
	}

	public Document of(Update update) {
		return this.mapper.getMappedObject(update.getUpdateObject(), (MongoPersistentEntity<?>) null);
	}

}
