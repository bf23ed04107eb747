package dev.keel.events.data;

import dev.keel.events.IntegrationEvent;

/**
 * An event about one document. The accessors shared by all three kinds let a consumer
 * route and authorize any document event without knowing which kind it is.
 */
public sealed interface DocumentEvent extends IntegrationEvent
		permits DocumentCreated, DocumentUpdated, DocumentDeleted {

	/**
	 * The collection holding the document.
	 * @return the collection name
	 */
	String collection();

	/**
	 * The document, unique within its collection.
	 * @return the document id
	 */
	String documentId();

	/**
	 * The document's {@code _owner}, the user the {@code owner} read rule refers to.
	 * @return the owner's {@code sub}
	 */
	String owner();

	/**
	 * Who made the change: the {@code sub} of the caller's token. Consumers use it to
	 * avoid notifying people of their own changes.
	 * @return the acting user or client id
	 */
	String actor();

	/**
	 * The document's {@code _version} after the change (the last one it had, for a
	 * delete), so that a consumer can discard an event older than what it has already
	 * seen.
	 * @return the version
	 */
	long version();

	/**
	 * The collection's read rule when the change happened: {@code public},
	 * {@code authenticated}, {@code owner} or {@code role:<name>}.
	 * @return the read rule
	 */
	String readRule();

	@Override
	default String aggregateId() {
		return collection() + "/" + documentId();
	}

}
