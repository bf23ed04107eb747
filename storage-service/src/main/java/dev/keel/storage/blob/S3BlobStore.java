package dev.keel.storage.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects in one bucket of an S3-compatible store, under their keys. A blob
 * smaller than a part is one {@code PutObject}; a larger one a multipart upload of
 * {@value #PART_SIZE}-byte parts, read and sent one part at a time, so memory stays
 * bounded whatever the size. The object appears only when the upload completes; a failed,
 * cut-off or oversized write aborts it and leaves nothing behind.
 */
public class S3BlobStore implements BlobStore, AutoCloseable {

	/** The size of a multipart upload's parts, and the most one write buffers. */
	public static final int PART_SIZE = 8 * 1024 * 1024;

	static final String OCTET_STREAM = "application/octet-stream";

	private static final int NOT_FOUND = 404;

	private static final int RANGE_NOT_SATISFIABLE = 416;

	private final S3Client client;

	private final String bucket;

	/**
	 * A store on an S3 bucket.
	 * @param client the client, closed with this store
	 * @param bucket the S3 bucket that holds the blobs
	 */
	public S3BlobStore(S3Client client, String bucket) {
		this.client = client;
		this.bucket = bucket;
	}

	@Override
	public StoredBlob write(String key, InputStream content, long maxBytes) throws IOException {
		BlobKeys.check(key);
		MessageDigest sha256 = sha256();
		PartReader parts = new PartReader(new DigestInputStream(content, sha256), PART_SIZE, maxBytes);
		int length = parts.fill();
		if (length < PART_SIZE) {
			byte[] bytes = parts.buffer();
			call(() -> this.client.putObject((request) -> request.bucket(this.bucket).key(key), body(bytes, length)));
		}
		else {
			S3MultipartUpload.start(this.client, this.bucket, key).write(parts, length);
		}
		return new StoredBlob(parts.total(), HexFormat.of().formatHex(sha256.digest()));
	}

	@Override
	public InputStream read(String key, long offset, long length) throws IOException {
		BlobKeys.check(key);
		if (length == 0) {
			requireExists(key);
			return InputStream.nullInputStream();
		}
		String range = (offset == 0 && length < 0) ? null
				: "bytes=" + offset + "-" + ((length < 0) ? "" : Long.toString(offset + length - 1));
		try {
			return new S3ObjectStream(
					this.client.getObject((request) -> request.bucket(this.bucket).key(key).range(range)));
		}
		catch (NoSuchKeyException ex) {
			throw new BlobNotFoundException(key);
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == NOT_FOUND) {
				throw new BlobNotFoundException(key);
			}
			if (ex.statusCode() == RANGE_NOT_SATISFIABLE) {
				// The blob ends before the offset: no bytes, as a file read past its end.
				return InputStream.nullInputStream();
			}
			throw new IOException("Cannot read blob " + key + ": " + ex.getMessage(), ex);
		}
		catch (SdkException ex) {
			throw new IOException("Cannot read blob " + key + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public boolean exists(String key) throws IOException {
		BlobKeys.check(key);
		return size(key) >= 0;
	}

	@Override
	public void delete(String key) throws IOException {
		BlobKeys.check(key);
		call(() -> this.client.deleteObject((request) -> request.bucket(this.bucket).key(key)));
	}

	@Override
	public void deleteAll(String prefix) throws IOException {
		if (!prefix.endsWith("/")) {
			throw new IllegalArgumentException("Not a prefix: " + prefix);
		}
		BlobKeys.check(prefix);
		S3PrefixDeletion.deleteAll(this.client, this.bucket, prefix);
	}

	@Override
	public boolean healthy() {
		try {
			this.client.headBucket((request) -> request.bucket(this.bucket));
			return true;
		}
		catch (SdkException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

	/** The size of a blob, or {@code -1} when there is none. */
	private long size(String key) throws IOException {
		try {
			return this.client.headObject((request) -> request.bucket(this.bucket).key(key)).contentLength();
		}
		catch (NoSuchKeyException ex) {
			return -1;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == NOT_FOUND) {
				return -1;
			}
			throw new IOException("Cannot look up blob " + key + ": " + ex.getMessage(), ex);
		}
		catch (SdkException ex) {
			throw new IOException("Cannot look up blob " + key + ": " + ex.getMessage(), ex);
		}
	}

	private void requireExists(String key) throws IOException {
		if (size(key) < 0) {
			throw new BlobNotFoundException(key);
		}
	}

	static RequestBody body(byte[] bytes, int length) {
		return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length, OCTET_STREAM);
	}

	private static void call(Runnable request) throws IOException {
		try {
			request.run();
		}
		catch (SdkException ex) {
			throw new IOException("S3 request failed: " + ex.getMessage(), ex);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
