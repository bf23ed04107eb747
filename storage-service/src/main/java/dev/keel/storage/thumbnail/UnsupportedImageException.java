package dev.keel.storage.thumbnail;

/**
 * The bytes are not an image that thumbnails can be made of: another type, or corrupt.
 */
public class UnsupportedImageException extends RuntimeException {

	public UnsupportedImageException(String message) {
		super(message);
	}

	public UnsupportedImageException(String message, Throwable cause) {
		super(message, cause);
	}

}
