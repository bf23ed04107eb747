package dev.keel.storage.tus;

/**
 * Another chunk took the upload while this one streamed (after a pause past the lease).
 */
class LeaseLostException extends RuntimeException {

	LeaseLostException(String uploadId) {
		super("Upload " + uploadId + " was taken by another request");
	}

}
