package dev.keel.storage.bucket;

import java.io.IOException;

/**
 * What lives in a bucket (its objects' metadata, usage and blobs), removed when the
 * bucket is deleted. Implemented by the objects feature, so that buckets know nothing of
 * objects.
 */
public interface BucketContents {

	/**
	 * Removes everything stored for a deleted bucket.
	 * @param bucket the bucket, already deleted
	 * @throws IOException if blobs cannot be deleted
	 */
	void removeAll(Bucket bucket) throws IOException;

}
