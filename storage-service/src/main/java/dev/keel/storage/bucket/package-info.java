/**
 * Buckets: their definitions (access rules, size and type limits, thumbnail sizes,
 * quotas), kept in MongoDB's {@code buckets} collection. Knows nothing of objects: a
 * deleted bucket's contents are removed through
 * {@link dev.keel.storage.bucket.BucketContents}.
 */
package dev.keel.storage.bucket;
