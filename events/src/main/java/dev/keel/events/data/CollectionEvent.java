package dev.keel.events.data;

import dev.keel.events.IntegrationEvent;

/**
 * An event about a collection's definition, keyed by the collection name so that a
 * redefinition is never seen before the definition it replaces.
 */
public sealed interface CollectionEvent extends IntegrationEvent permits CollectionDefined, CollectionDeleted {

	/**
	 * The collection the event is about.
	 * @return the collection name
	 */
	String collection();

	@Override
	default String aggregateId() {
		return collection();
	}

}
