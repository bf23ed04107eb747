package dev.keel.storage.blob;

import java.util.regex.Pattern;

/**
 * The keys of blobs, all made here from ids the service generated: a file's content is
 * {@code files/<bucket id>/<object id>}, its thumbnails
 * {@code thumbnails/<bucket id>/<object
 * id>/<width>x<height>-<fit>}, a resumable upload's chunks
 * {@code uploads/<upload id>/<offset>}. A key has only lower-case letters, digits,
 * {@code -}, {@code _}, {@code x} and {@code /} between non-empty segments, so no key can
 * name a parent folder or an absolute path, on any backend.
 */
public final class BlobKeys {

	private static final Pattern SEGMENT = Pattern.compile("[a-z0-9_-]{1,64}");

	private BlobKeys() {
	}

	public static String file(String bucketId, String objectId) {
		return join("files", bucketId, objectId);
	}

	public static String files(String bucketId) {
		return join("files", bucketId) + "/";
	}

	public static String thumbnail(String bucketId, String objectId, int width, int height, String fit) {
		return join("thumbnails", bucketId, objectId, width + "x" + height + "-" + fit);
	}

	public static String thumbnails(String bucketId) {
		return join("thumbnails", bucketId) + "/";
	}

	public static String thumbnailsOf(String bucketId, String objectId) {
		return join("thumbnails", bucketId, objectId) + "/";
	}

	public static String uploadChunk(String uploadId, long offset) {
		return join("uploads", uploadId, Long.toString(offset));
	}

	public static String upload(String uploadId) {
		return join("uploads", uploadId) + "/";
	}

	/**
	 * Checks a key or prefix made elsewhere.
	 * @param key a key, or a prefix ending with {@code /}
	 * @return the key
	 * @throws IllegalArgumentException if it is not one this class makes
	 */
	public static String check(String key) {
		String body = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
		if (body.isEmpty()) {
			throw new IllegalArgumentException("Not a blob key: " + key);
		}
		for (String segment : body.split("/", -1)) {
			if (!SEGMENT.matcher(segment).matches()) {
				throw new IllegalArgumentException("Not a blob key: " + key);
			}
		}
		return key;
	}

	private static String join(String... segments) {
		return check(String.join("/", segments));
	}

}
