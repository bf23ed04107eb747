/**
 * Where a file's bytes live: {@link dev.keel.storage.blob.BlobStore} with the local
 * filesystem and S3 behind it. Blob keys are made by the service, never from anything a
 * client sends.
 */
package dev.keel.storage.blob;
