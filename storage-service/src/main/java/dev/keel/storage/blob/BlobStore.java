package dev.keel.storage.blob;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of files live, by key. A key is made by storage-service only
 * ({@link BlobKeys}), never from a file name or anything else a client sends.
 * <p>
 * Every implementation streams: nothing holds a whole blob in memory. A write becomes
 * visible at once and whole, or not at all (a temporary file moved into place, an S3
 * object or completed multipart upload), so a reader never sees half a blob and a failed
 * or cut-off write leaves nothing behind.
 */
public interface BlobStore {

	/**
	 * Stores a blob, reading {@code content} to its end, and computes its size and
	 * SHA-256 on the way.
	 * @param key the blob's key
	 * @param content the bytes; read to the end, not closed
	 * @param maxBytes the most bytes the blob may have: past it, nothing is kept and
	 * {@link BlobTooLargeException} is thrown
	 * @return what was stored
	 * @throws IOException if the bytes cannot be read or stored
	 */
	StoredBlob write(String key, InputStream content, long maxBytes) throws IOException;

	/**
	 * Opens a blob's bytes from {@code offset}, {@code length} of them.
	 * @param key the blob's key
	 * @param offset the first byte
	 * @param length how many bytes, or {@code -1} for all to the end
	 * @return the bytes, to be closed by the caller
	 * @throws BlobNotFoundException if there is no such blob
	 * @throws IOException if it cannot be read
	 */
	InputStream read(String key, long offset, long length) throws IOException;

	/**
	 * Whether a blob exists.
	 * @param key the blob's key
	 * @return whether it exists
	 * @throws IOException if the store cannot tell
	 */
	boolean exists(String key) throws IOException;

	/**
	 * Deletes a blob; nothing happens when there is none.
	 * @param key the blob's key
	 * @throws IOException if it cannot be deleted
	 */
	void delete(String key) throws IOException;

	/**
	 * Deletes every blob whose key starts with {@code prefix} (a bucket's, an upload's).
	 * @param prefix a key prefix ending with {@code /}
	 * @throws IOException if they cannot be deleted
	 */
	void deleteAll(String prefix) throws IOException;

	/**
	 * Whether the store can be used: for the readiness probe.
	 * @return whether a trivial operation succeeds
	 */
	boolean healthy();

}
