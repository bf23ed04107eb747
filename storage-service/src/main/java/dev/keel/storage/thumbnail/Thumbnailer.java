package dev.keel.storage.thumbnail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Renders thumbnails of images with the JDK's Image I/O (PNG, JPEG, GIF, BMP, WBMP,
 * TIFF). The image's header is read first: an image with more pixels than the limit is
 * refused before any of it is decoded, so a small file that claims a huge size (a
 * decompression bomb) costs nothing. A large image is decoded subsampled, at about twice
 * the size the thumbnail needs, and then scaled down smoothly. PNG and GIF images give
 * PNG thumbnails (they keep their transparency), all others JPEG. Only the first frame of
 * an animation is used, and a JPEG's EXIF orientation is not applied.
 */
public class Thumbnailer {

	/** The longest side a thumbnail may have. */
	public static final int MAX_SIDE = 4096;

	private static final Set<String> LOSSLESS_FORMATS = Set.of("png", "gif");

	private static final float JPEG_QUALITY = 0.85f;

	private final long maxPixels;

	/**
	 * A thumbnailer with a pixel limit.
	 * @param maxPixels the most pixels (width times height) an image may have
	 * ({@code keel.storage.thumbnail-max-pixels})
	 */
	public Thumbnailer(long maxPixels) {
		this.maxPixels = maxPixels;
	}

	/**
	 * Renders a thumbnail.
	 * @param image the image's bytes; read as far as needed, not closed
	 * @param width the thumbnail's width, 1 to {@value #MAX_SIDE}
	 * @param height the thumbnail's height, 1 to {@value #MAX_SIDE}
	 * @param fit how the image fills that size
	 * @param out where the thumbnail goes; not closed
	 * @return the thumbnail's media type, {@code image/png} or {@code image/jpeg}
	 * @throws ImageTooLargeException if the image has more pixels than the limit
	 * @throws UnsupportedImageException if the bytes are not an image Image I/O reads, or
	 * a corrupt one
	 * @throws IOException if the bytes cannot be read or the thumbnail written
	 */
	public String render(InputStream image, int width, int height, Fit fit, OutputStream out) throws IOException {
		if (width < 1 || width > MAX_SIDE || height < 1 || height > MAX_SIDE) {
			throw new IllegalArgumentException(
					"A thumbnail is 1 to " + MAX_SIDE + " pixels a side, not " + width + "x" + height);
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(image)) {
			ImageReader reader = readerFor(in);
			try {
				reader.setInput(in, true, true);
				String format = LOSSLESS_FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT)) ? "png"
						: "jpeg";
				BufferedImage source = decode(reader, width, height, fit);
				write(Scaling.scale(source, width, height, fit, format.equals("png")), format, out);
				return "image/" + format;
			}
			catch (ImageTooLargeException ex) {
				throw ex;
			}
			catch (IIOException | RuntimeException ex) {
				// Image I/O's decoders fail on corrupt input with anything from an
				// IIOException to an ArrayIndexOutOfBoundsException.
				throw new UnsupportedImageException("The image cannot be decoded: " + ex.getMessage(), ex);
			}
			finally {
				reader.dispose();
			}
		}
	}

	private static ImageReader readerFor(ImageInputStream in) {
		Iterator<ImageReader> readers = (in != null) ? ImageIO.getImageReaders(in) : null;
		if (readers == null || !readers.hasNext()) {
			throw new UnsupportedImageException("Not an image that thumbnails can be made of");
		}
		return readers.next();
	}

	private BufferedImage decode(ImageReader reader, int width, int height, Fit fit) throws IOException {
		int sourceWidth = reader.getWidth(0);
		int sourceHeight = reader.getHeight(0);
		if ((long) sourceWidth * sourceHeight > this.maxPixels) {
			throw new ImageTooLargeException(sourceWidth, sourceHeight, this.maxPixels);
		}
		ImageReadParam param = reader.getDefaultReadParam();
		int subsampling = Scaling.subsampling(sourceWidth, sourceHeight, width, height, fit);
		if (subsampling > 1) {
			param.setSourceSubsampling(subsampling, subsampling, 0, 0);
		}
		return reader.read(0, param);
	}

	private static void write(BufferedImage thumbnail, String format, OutputStream out) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			ImageWriteParam param = writer.getDefaultWriteParam();
			if (format.equals("jpeg")) {
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(JPEG_QUALITY);
			}
			writer.setOutput(stream);
			writer.write(null, new IIOImage(thumbnail, null, null), param);
		}
		finally {
			writer.dispose();
		}
	}

}
