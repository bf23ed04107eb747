package dev.keel.data.outbox;

import java.util.Collection;

import org.springframework.stereotype.Component;

import dev.keel.data.collection.CollectionService;
import dev.keel.support.outbox.OutboxCollectionSource;

/**
 * Tells the outbox relay about the storage of every collection, including deleted ones
 * whose storage waits for its last events to go out before it is dropped.
 */
@Component
class StorageOutboxes implements OutboxCollectionSource {

	private final CollectionService collections;

	StorageOutboxes(CollectionService collections) {
		this.collections = collections;
	}

	@Override
	public Collection<String> collectionNames() {
		return this.collections.storageNames();
	}

}
