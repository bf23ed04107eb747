package dev.keel.storage.tus;

/**
 * A resumable-upload request that cannot be served as asked, with the problem's code; the
 * problem handler gives it its status by {@link Reason}.
 */
public class UploadRejectedException extends RuntimeException {

	/** Why, which decides the status. */
	public enum Reason {

		/** 400. */
		INVALID,
		/** 404: no such upload for this caller, or it expired or was terminated. */
		NOT_FOUND,
		/** 409: the chunk is not at the upload's offset, or the upload was taken. */
		CONFLICT,
		/** 413. */
		TOO_LARGE,
		/** 423: another chunk of the upload is being received. */
		LOCKED

	}

	private final Reason reason;

	private final String code;

	UploadRejectedException(Reason reason, String code, String message) {
		super(message);
		this.reason = reason;
		this.code = code;
	}

	public Reason reason() {
		return this.reason;
	}

	public String code() {
		return this.code;
	}

}
