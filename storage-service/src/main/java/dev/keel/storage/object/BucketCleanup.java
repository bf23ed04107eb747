package dev.keel.storage.object;

import java.io.IOException;

import org.springframework.stereotype.Component;

import dev.keel.storage.blob.BlobKeys;
import dev.keel.storage.blob.BlobStore;
import dev.keel.storage.bucket.Bucket;
import dev.keel.storage.bucket.BucketContents;

/**
 * Removes a deleted bucket's objects: metadata and usage first, then every blob and
 * thumbnail under the bucket's id. An upload still streaming when its bucket is deleted
 * may leave one object nobody can reach (lookups name the bucket's id, which is gone).
 */
@Component
class BucketCleanup implements BucketContents {

	private final ObjectStore objects;

	private final Usage usage;

	private final BlobStore blobs;

	BucketCleanup(ObjectStore objects, Usage usage, BlobStore blobs) {
		this.objects = objects;
		this.usage = usage;
		this.blobs = blobs;
	}

	@Override
	public void removeAll(Bucket bucket) throws IOException {
		this.objects.deleteAll(bucket.id());
		this.usage.deleteAll(bucket.id());
		this.blobs.deleteAll(BlobKeys.files(bucket.id()));
		this.blobs.deleteAll(BlobKeys.thumbnails(bucket.id()));
	}

}
