package dev.keel.storage.blob;

/**
 * A blob as written.
 *
 * @param size its size in bytes
 * @param sha256 its SHA-256, in lower-case hexadecimal
 */
public record StoredBlob(long size, String sha256) {

}
