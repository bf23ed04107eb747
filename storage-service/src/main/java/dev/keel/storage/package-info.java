/**
 * storage-service: files in buckets with the same access rules as data-service's
 * collections; streaming and resumable (tus) uploads, ranged downloads, signed URLs and
 * thumbnails, on the local disk or an S3-compatible store.
 */
package dev.keel.storage;
