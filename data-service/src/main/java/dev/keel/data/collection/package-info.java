/**
 * Collections: their definitions (JSON Schema, access rules, indexes) and the MongoDB
 * collections that store their documents. The rules themselves are the shared model of
 * {@code dev.keel.support.access}; the document feature enforces them.
 */
package dev.keel.data.collection;
