package dev.keel.storage.blob;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Deletes every object under a prefix: lists the keys and deletes them in batches of a
 * thousand, the most one {@code DeleteObjects} request takes.
 */
final class S3PrefixDeletion {

	private static final int BATCH = 1000;

	private S3PrefixDeletion() {
	}

	static void deleteAll(S3Client client, String bucket, String prefix) throws IOException {
		List<ObjectIdentifier> batch = new ArrayList<>();
		try {
			for (S3Object object : client.listObjectsV2Paginator((request) -> request.bucket(bucket).prefix(prefix))
				.contents()) {
				batch.add(ObjectIdentifier.builder().key(object.key()).build());
				if (batch.size() == BATCH) {
					delete(client, bucket, batch);
				}
			}
			delete(client, bucket, batch);
		}
		catch (SdkException ex) {
			throw new IOException("Cannot delete the blobs under " + prefix + ": " + ex.getMessage(), ex);
		}
	}

	private static void delete(S3Client client, String bucket, List<ObjectIdentifier> batch) throws IOException {
		if (batch.isEmpty()) {
			return;
		}
		List<S3Error> errors = client.deleteObjects(
				(request) -> request.bucket(bucket).delete((delete) -> delete.objects(List.copyOf(batch)).quiet(true)))
			.errors();
		if (!errors.isEmpty()) {
			S3Error first = errors.get(0);
			throw new IOException(errors.size() + " blobs were not deleted, among them " + first.key() + ": "
					+ first.code() + " " + first.message());
		}
		batch.clear();
	}

}
