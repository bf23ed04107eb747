/**
 * Collections: their definitions (JSON Schema, access rules, indexes) and the MongoDB
 * collections that store their documents. The rules themselves are the shared model of
 * {@code dev.keel.support.access}; the document feature enforces them. Each instance
 * keeps the definitions it uses, and forgets them when any instance changes them, through
 * the {@code keel.collection.*} events.
 */
package dev.keel.data.collection;
