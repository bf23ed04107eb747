/**
 * Events about files, published by storage-service on
 * {@link dev.keel.events.Topics#STORAGE_EVENTS}. They are keyed by
 * {@code bucket/objectId} and carry the bucket's read rule, so that the notification
 * service can decide who may see a change without calling storage-service, as it does for
 * documents.
 */
package dev.keel.events.storage;
