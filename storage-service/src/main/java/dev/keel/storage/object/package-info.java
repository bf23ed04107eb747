/**
 * Objects: streaming uploads (multipart or raw) with the type detected from the bytes,
 * size limits and per-user quotas; listings, metadata, deletion; downloads with ranges,
 * entity tags and inert headers; signed URLs. Metadata lives in MongoDB's {@code objects}
 * collection, quota usage in {@code usage}, bytes in the blob store.
 */
package dev.keel.storage.object;
