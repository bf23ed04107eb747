package dev.keel.storage.object;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.keel.storage.blob.BlobKeys;
import dev.keel.storage.blob.BlobNotFoundException;
import dev.keel.storage.blob.BlobStore;
import dev.keel.storage.config.StorageProperties;
import dev.keel.storage.thumbnail.Fit;
import dev.keel.storage.thumbnail.ImageTooLargeException;
import dev.keel.storage.thumbnail.Thumbnailer;
import dev.keel.storage.thumbnail.UnsupportedImageException;

/**
 * Thumbnails of images, for the sizes their bucket allows only (so nobody can make the
 * service render arbitrary sizes), made once and kept in the blob store beside the file
 * ({@code thumbnails/<bucket id>/<object id>/<w>x<h>-<fit>}), deleted with it. Rendering
 * reads the image's header first and refuses more pixels than
 * {@code keel.storage.thumbnail-max-pixels} (decompression bombs); it goes through a
 * temporary file, so a large thumbnail is never held in memory.
 */
@Component
class Thumbnails {

	private static final Pattern SIDE = Pattern.compile("[1-9][0-9]{0,3}");

	private final BlobStore blobs;

	private final Thumbnailer thumbnailer;

	Thumbnails(BlobStore blobs, StorageProperties properties) {
		this.blobs = blobs;
		this.thumbnailer = new Thumbnailer(properties.thumbnailMaxPixels());
	}

	/**
	 * Checks a thumbnail request against the bucket's sizes.
	 * @param width the {@code width} parameter
	 * @param height the {@code height} parameter
	 * @param fit the {@code fit} parameter, {@code cover} when absent
	 * @param allowed the bucket's sizes
	 * @return the thumbnail asked for
	 * @throws ObjectRejectedException 400 for a malformed or disallowed size or fit
	 */
	static Size size(String width, String height, String fit, List<String> allowed) {
		if (width == null || !SIDE.matcher(width).matches()) {
			throw ObjectRejectedException.invalid("width", "must be a whole number of pixels, 1 to 4096, with height");
		}
		if (height == null || !SIDE.matcher(height).matches()) {
			throw ObjectRejectedException.invalid("height", "must be a whole number of pixels, 1 to 4096, with width");
		}
		Fit chosen = (fit == null) ? Fit.COVER
				: Fit.of(fit).orElseThrow(() -> ObjectRejectedException.invalid("fit", "must be cover or contain"));
		String size = width + "x" + height;
		if (!allowed.contains(size)) {
			throw new ObjectRejectedException(ObjectRejectedException.Reason.INVALID, "thumbnail_size_not_allowed",
					"This bucket makes thumbnails of " + (allowed.isEmpty() ? "no size" : String.join(", ", allowed))
							+ ", not " + size + ".");
		}
		return new Size(Integer.parseInt(width), Integer.parseInt(height), chosen);
	}

	/**
	 * The thumbnail of an object, made now if it was not made before.
	 * @return its media type and its bytes, to be closed by the caller
	 * @throws ObjectRejectedException 400 when the file is not an image the service
	 * reads, or has too many pixels
	 */
	Thumbnail open(StoredObject object, Size size) throws IOException {
		String key = BlobKeys.thumbnail(object.bucketId(), object.id(), size.width(), size.height(),
				size.fit().value());
		String type = typeFor(object.contentType());
		Optional<InputStream> kept = read(key);
		if (kept.isPresent()) {
			return new Thumbnail(type, kept.get());
		}
		if (!object.contentType().startsWith("image/")) {
			throw notAnImage(object);
		}
		Path rendered = Files.createTempFile("keel-thumbnail-", ".part");
		try {
			try (InputStream image = this.blobs.read(BlobKeys.file(object.bucketId(), object.id()), 0, -1);
					OutputStream out = Files.newOutputStream(rendered)) {
				type = this.thumbnailer.render(image, size.width(), size.height(), size.fit(), out);
			}
			catch (ImageTooLargeException ex) {
				throw new ObjectRejectedException(ObjectRejectedException.Reason.INVALID, "image_too_large",
						"The image has more pixels than thumbnails are made of (" + ex.maxPixels() + ").");
			}
			catch (UnsupportedImageException ex) {
				throw notAnImage(object);
			}
			catch (BlobNotFoundException ex) {
				throw ObjectRejectedException.notFound(object.id());
			}
			try (InputStream in = Files.newInputStream(rendered)) {
				this.blobs.write(key, in, Long.MAX_VALUE);
			}
		}
		finally {
			Files.deleteIfExists(rendered);
		}
		return new Thumbnail(type, read(key).orElseThrow(() -> ObjectRejectedException.notFound(object.id())));
	}

	private Optional<InputStream> read(String key) throws IOException {
		try {
			return Optional.of(this.blobs.read(key, 0, -1));
		}
		catch (BlobNotFoundException ex) {
			return Optional.empty();
		}
	}

	/** What the thumbnailer makes of a type: PNG from PNG and GIF, JPEG from the rest. */
	private static String typeFor(String contentType) {
		return (contentType.equals("image/png") || contentType.equals("image/gif")) ? "image/png" : "image/jpeg";
	}

	private static ObjectRejectedException notAnImage(StoredObject object) {
		return new ObjectRejectedException(ObjectRejectedException.Reason.INVALID, "thumbnail_not_supported",
				"Thumbnails are made of PNG, JPEG, GIF and BMP images; this file is " + object.contentType() + ".");
	}

	/**
	 * A thumbnail asked for.
	 *
	 * @param width its width
	 * @param height its height
	 * @param fit how the image fills it
	 */
	record Size(int width, int height, Fit fit) {

		String etagSuffix() {
			return this.width + "x" + this.height + "-" + this.fit.value();
		}

	}

	/**
	 * A thumbnail to send.
	 *
	 * @param contentType {@code image/png} or {@code image/jpeg}
	 * @param bytes its bytes
	 */
	record Thumbnail(String contentType, InputStream bytes) {

	}

}
