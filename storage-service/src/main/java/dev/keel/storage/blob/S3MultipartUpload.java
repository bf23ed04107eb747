package dev.keel.storage.blob;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One multipart upload of a blob: completed when every part is sent, aborted on any
 * failure (the source's, the store's, or the blob growing past its limit), so that no
 * object and no pending upload with its stored parts remains.
 */
final class S3MultipartUpload {

	private final S3Client client;

	private final String bucket;

	private final String key;

	private final String uploadId;

	private final List<CompletedPart> completed = new ArrayList<>();

	private S3MultipartUpload(S3Client client, String bucket, String key, String uploadId) {
		this.client = client;
		this.bucket = bucket;
		this.key = key;
		this.uploadId = uploadId;
	}

	static S3MultipartUpload start(S3Client client, String bucket, String key) throws IOException {
		try {
			String uploadId = client
				.createMultipartUpload(
						(request) -> request.bucket(bucket).key(key).contentType(S3BlobStore.OCTET_STREAM))
				.uploadId();
			return new S3MultipartUpload(client, bucket, key, uploadId);
		}
		catch (SdkException ex) {
			throw new IOException("Cannot start a multipart upload of " + key + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Sends the part {@code parts} holds, then the rest as it reads them, and completes
	 * the upload.
	 * @param parts the bytes, their first part read
	 * @param firstLength the length of the first part, a full one
	 * @throws IOException if the bytes cannot be read or stored; the upload is aborted
	 */
	void write(PartReader parts, int firstLength) throws IOException {
		try {
			int length = firstLength;
			while (length > 0) {
				send(parts.buffer(), length);
				length = (length < firstLength) ? 0 : parts.fill();
			}
			this.client.completeMultipartUpload((request) -> request.bucket(this.bucket)
				.key(this.key)
				.uploadId(this.uploadId)
				.multipartUpload((upload) -> upload.parts(this.completed)));
		}
		catch (IOException | RuntimeException | Error ex) {
			abort(ex);
			if (ex instanceof SdkException) {
				throw new IOException("Cannot write blob " + this.key + ": " + ex.getMessage(), ex);
			}
			throw ex;
		}
	}

	private void send(byte[] part, int length) {
		int number = this.completed.size() + 1;
		String etag = this.client
			.uploadPart((request) -> request.bucket(this.bucket)
				.key(this.key)
				.uploadId(this.uploadId)
				.partNumber(number)
				.contentLength((long) length), S3BlobStore.body(part, length))
			.eTag();
		this.completed.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
	}

	private void abort(Throwable cause) {
		try {
			this.client
				.abortMultipartUpload((request) -> request.bucket(this.bucket).key(this.key).uploadId(this.uploadId));
		}
		catch (SdkException ex) {
			cause.addSuppressed(ex);
		}
	}

}
