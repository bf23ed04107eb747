package dev.keel.storage.object;

import java.util.Locale;
import java.util.Set;

import org.apache.tika.Tika;

/**
 * The content type of a file, detected from its first bytes by Apache Tika (with the name
 * as a hint where the bytes allow several types), never taken from the client; and how a
 * type is served.
 */
final class ContentTypes {

	/** How many leading bytes detection looks at. */
	static final int HEAD = 64 * 1024;

	private static final Tika tika = new Tika();

	private static final Set<String> INLINE = Set.of("application/pdf", "text/plain");

	private ContentTypes() {
	}

	/**
	 * The type of a file.
	 * @param head its first bytes, at most {@link #HEAD}
	 * @param name its display name
	 * @return a type such as {@code image/png}, without parameters
	 */
	static String detect(byte[] head, String name) {
		String type = tika.detect(head, name);
		int parameters = type.indexOf(';');
		return ((parameters >= 0) ? type.substring(0, parameters) : type).strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether a browser may show the type in place: images (but SVG), video, audio, PDF
	 * and plain text. Anything else, HTML and every XML type in particular, is a
	 * download, so it never runs in Keel's origin.
	 */
	static boolean inline(String type) {
		if (type.contains("xml") || type.contains("html") || type.contains("svg")) {
			return false;
		}
		return type.startsWith("image/") || type.startsWith("video/") || type.startsWith("audio/")
				|| INLINE.contains(type);
	}

}
