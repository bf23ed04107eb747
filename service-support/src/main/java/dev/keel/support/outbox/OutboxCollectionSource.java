package dev.keel.support.outbox;

import java.util.Collection;

/**
 * Names collections with outboxes that are not known when the service starts, such as the
 * storage of collections an admin defines at run time. The relay asks every source bean
 * at the start of each round, beside the fixed {@code keel.outbox.collections}, so an
 * implementation must be cheap and must keep naming a collection until its entries are
 * drained.
 */
@FunctionalInterface
public interface OutboxCollectionSource {

	/**
	 * The collections to relay now.
	 * @return collection names; may be empty, never {@code null}
	 */
	Collection<String> collectionNames();

}
