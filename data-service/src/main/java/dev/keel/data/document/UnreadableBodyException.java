package dev.keel.data.document;

/**
 * A document body that cannot be read: too large (413 {@code payload_too_large}), or not
 * one strict JSON value (400 {@code malformed_request}).
 */
public final class UnreadableBodyException extends RuntimeException {

	private final boolean tooLarge;

	private UnreadableBodyException(boolean tooLarge, String message) {
		super(message);
		this.tooLarge = tooLarge;
	}

	static UnreadableBodyException tooLarge(String message) {
		return new UnreadableBodyException(true, message);
	}

	static UnreadableBodyException malformed(String message) {
		return new UnreadableBodyException(false, message);
	}

	/** Whether the body is over the size limit, rather than malformed. */
	public boolean tooLarge() {
		return this.tooLarge;
	}

}
