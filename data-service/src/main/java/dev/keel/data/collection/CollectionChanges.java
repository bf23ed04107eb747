package dev.keel.data.collection;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * Tells this instance's {@link Definitions} of every collection change, made by any
 * instance, from the {@code keel.collection.*} events on the data events topic. Each
 * instance reads the topic in a consumer group of its own that starts at the end of the
 * topic and never commits. The topic also carries every document event; those are told
 * apart by their key ({@code collection/id}, where a collection event's key is the bare
 * collection name) and skipped without reading their value.
 * {@link dev.keel.support.events.ChangesPosition} switches the copy of definitions on
 * once the listener is positioned.
 */
class CollectionChanges {

	private final Definitions definitions;

	CollectionChanges(Definitions definitions) {
		this.definitions = definitions;
	}

	@KafkaListener(id = "collection-changes", idIsGroup = false,
			containerFactory = CollectionChangesConfiguration.CONTAINER_FACTORY,
			topics = "${keel.data.events.topic:keel.data.events}",
			groupId = "${spring.application.name:data-service}.collections.${random.uuid}",
			properties = { "auto.offset.reset=latest",
					"value.deserializer=org.apache.kafka.common.serialization.ByteBufferDeserializer" })
	void on(ConsumerRecord<String, ?> record) {
		String key = record.key();
		if (key != null && key.indexOf('/') < 0) {
			this.definitions.changed(key);
		}
	}

}
