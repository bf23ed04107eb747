package dev.keel.data.collection;

/**
 * A request names a collection that does not exist (404 {@code collection_not_found}).
 */
public final class CollectionNotFoundException extends RuntimeException {

	public CollectionNotFoundException(String name) {
		super("There is no collection named '" + name + "'.");
	}

}
