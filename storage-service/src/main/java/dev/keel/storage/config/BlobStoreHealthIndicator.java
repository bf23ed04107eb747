package dev.keel.storage.config;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import dev.keel.storage.blob.BlobStore;

/**
 * Readiness includes the blob store ({@code blobStore}): an instance whose folder is gone
 * or not writable, or whose S3 bucket cannot be reached, takes no traffic.
 */
@Component("blobStoreHealthIndicator")
class BlobStoreHealthIndicator extends AbstractHealthIndicator {

	private final BlobStore blobs;

	BlobStoreHealthIndicator(BlobStore blobs) {
		super("The blob store cannot be used");
		this.blobs = blobs;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.blobs.healthy()) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

}
