/**
 * Documents: creation (with idempotency keys), reads, conditional replace, merge patch
 * and delete, each enforcing the collection's schema and access rules and writing its
 * change event in the same single-document write.
 */
package dev.keel.data.document;
