/**
 * Collections: their definitions (JSON Schema, access rules, indexes), the MongoDB
 * collections that store their documents, and the access model ({@link AccessRule},
 * {@link AccessDecision}) the document feature enforces.
 */
package dev.keel.data.collection;
