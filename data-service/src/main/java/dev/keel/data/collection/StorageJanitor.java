package dev.keel.data.collection;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.keel.data.config.DataProperties;
import dev.keel.support.work.PollingLoop;

/**
 * Drops the storage of deleted collections, on a virtual thread of its own. A storage is
 * dropped only once its documents' events are all published (a deleted collection's last
 * changes still reach consumers) and a grace period has passed, so that a write that read
 * the definition just before the delete cannot recreate the storage behind the drop. The
 * grace outlasts the longest another instance may keep the deleted definition in its copy
 * ({@code keel.data.definitions.time-to-live}, when the deletion's event cannot reach
 * it), so that no write acknowledged on such an instance lands in a storage already
 * dropped. Every instance runs one; dropping twice is harmless.
 */
@Component
class StorageJanitor extends PollingLoop {

	private static final Logger log = LoggerFactory.getLogger(StorageJanitor.class);

	static final Duration GRACE = Duration.ofSeconds(5);

	private final Duration grace;

	private static final Duration INTERVAL = Duration.ofSeconds(5);

	private final CollectionStore store;

	private final CollectionStorage storage;

	StorageJanitor(CollectionStore store, CollectionStorage storage, DataProperties properties) {
		super("keel-storage-janitor", INTERVAL);
		this.grace = GRACE.plus(properties.definitions().timeToLive());
		this.store = store;
		this.storage = storage;
	}

	@Override
	protected void round() {
		for (Document definition : this.store.withPendingDrops()) {
			String name = definition.getString("_id");
			Date deletedAt = definition.getDate("deletedAt");
			if (deletedAt != null && deletedAt.toInstant().plus(this.grace).isAfter(Instant.now())) {
				continue;
			}
			for (String drop : definition.getList("pendingDrops", String.class, List.of())) {
				if (!this.storage.hasPendingEvents(drop)) {
					this.storage.drop(drop);
					this.store.dropped(name, drop);
					log.info("Dropped {}, the storage of deleted collection {}", drop, name);
				}
			}
			this.store.removeIfDone(name);
		}
	}

}
