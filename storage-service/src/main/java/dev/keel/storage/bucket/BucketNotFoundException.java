package dev.keel.storage.bucket;

/** No bucket has the name (404 {@code bucket_not_found}). */
public class BucketNotFoundException extends RuntimeException {

	public BucketNotFoundException(String name) {
		super("There is no bucket '" + name + "'.");
	}

}
