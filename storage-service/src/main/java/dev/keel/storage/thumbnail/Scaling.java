package dev.keel.storage.thumbnail;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The geometry of thumbnails: how much to subsample on decoding, which part of the image
 * to keep, and a smooth downscale (halving steps, then bilinear to the final size).
 */
final class Scaling {

	private Scaling() {
	}

	/**
	 * How many source pixels to skip per decoded pixel so that the decoded image is still
	 * at least twice the size the thumbnail needs.
	 */
	static int subsampling(int sourceWidth, int sourceHeight, int width, int height, Fit fit) {
		double horizontal = (double) sourceWidth / width;
		double vertical = (double) sourceHeight / height;
		double ratio = (fit == Fit.COVER) ? Math.min(horizontal, vertical) : Math.max(horizontal, vertical);
		return Math.max(1, (int) Math.floor(ratio / 2));
	}

	/**
	 * The thumbnail of an image.
	 * @param image the decoded image
	 * @param width the thumbnail's width
	 * @param height the thumbnail's height
	 * @param fit how the image fills the size
	 * @param alpha whether to keep transparency (else transparent parts become white)
	 * @return the thumbnail: exactly the size for {@link Fit#COVER}, inside it for
	 * {@link Fit#CONTAIN}
	 */
	static BufferedImage scale(BufferedImage image, int width, int height, Fit fit, boolean alpha) {
		int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
		if (fit == Fit.COVER) {
			return resize(image, centreCrop(image, width, height), width, height, type);
		}
		double scale = Math.min((double) width / image.getWidth(), (double) height / image.getHeight());
		int fittedWidth = Math.max(1, (int) Math.round(image.getWidth() * scale));
		int fittedHeight = Math.max(1, (int) Math.round(image.getHeight() * scale));
		return resize(image, new Rectangle(image.getWidth(), image.getHeight()), Math.min(width, fittedWidth),
				Math.min(height, fittedHeight), type);
	}

	/** The largest centred region of the image with the thumbnail's aspect ratio. */
	private static Rectangle centreCrop(BufferedImage image, int width, int height) {
		int cropWidth = (int) Math.min(image.getWidth(), Math.round((double) image.getHeight() * width / height));
		int cropHeight = (int) Math.min(image.getHeight(), Math.round((double) image.getWidth() * height / width));
		cropWidth = Math.max(1, cropWidth);
		cropHeight = Math.max(1, cropHeight);
		return new Rectangle((image.getWidth() - cropWidth) / 2, (image.getHeight() - cropHeight) / 2, cropWidth,
				cropHeight);
	}

	private static BufferedImage resize(BufferedImage image, Rectangle region, int width, int height, int type) {
		BufferedImage current = image;
		Rectangle area = region;
		while (area.width / 2 >= width && area.height / 2 >= height) {
			current = draw(current, area, area.width / 2, area.height / 2, type);
			area = new Rectangle(current.getWidth(), current.getHeight());
		}
		return draw(current, area, width, height, type);
	}

	private static BufferedImage draw(BufferedImage image, Rectangle area, int width, int height, int type) {
		BufferedImage result = new BufferedImage(width, height, type);
		Graphics2D graphics = result.createGraphics();
		try {
			if (type == BufferedImage.TYPE_INT_RGB) {
				graphics.setColor(Color.WHITE);
				graphics.fillRect(0, 0, width, height);
			}
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(image, 0, 0, width, height, area.x, area.y, area.x + area.width, area.y + area.height,
					null);
		}
		finally {
			graphics.dispose();
		}
		return result;
	}

}
