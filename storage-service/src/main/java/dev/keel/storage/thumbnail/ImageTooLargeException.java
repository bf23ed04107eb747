package dev.keel.storage.thumbnail;

/**
 * An image's header claims more pixels than thumbnails may be made of; nothing of it was
 * decoded.
 */
public class ImageTooLargeException extends RuntimeException {

	private final long maxPixels;

	public ImageTooLargeException(int width, int height, long maxPixels) {
		super("The image has " + width + "x" + height + " pixels, more than the " + maxPixels
				+ " that thumbnails are made of");
		this.maxPixels = maxPixels;
	}

	public long maxPixels() {
		return this.maxPixels;
	}

}
