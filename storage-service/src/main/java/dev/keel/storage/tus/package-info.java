/**
 * Resumable uploads with the tus 1.0 protocol (core, creation, termination, expiration).
 * Written here rather than taken from a library: the Java server implementations on Maven
 * Central keep an upload's state on a local disk, which neither survives a move to
 * another instance nor works with the S3 backend; here an upload's offset lives in
 * MongoDB and its chunks in the blob store, so any instance can continue it, also after a
 * restart (docs/storage.md, "Resumable uploads").
 */
package dev.keel.storage.tus;
