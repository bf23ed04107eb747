/**
 * Events about collections and the documents in them, published by data-service on
 * {@link dev.keel.events.Topics#DATA_EVENTS}. Document events are keyed by
 * {@code collection/documentId} and carry the collection's read rule, so that the
 * notification service can decide who may see a change without calling data-service.
 */
package dev.keel.events.data;
