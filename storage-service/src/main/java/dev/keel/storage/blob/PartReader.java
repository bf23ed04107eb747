package dev.keel.storage.blob;

import java.io.IOException;
import java.io.InputStream;

/** Reads a blob's bytes a part at a time, counting them against the limit. */
final class PartReader {

	private final InputStream in;

	private final long maxBytes;

	private long total;

	PartReader(InputStream in, long maxBytes) {
		this.in = in;
		this.maxBytes = maxBytes;
	}

	/**
	 * Fills a part from the bytes.
	 * @param part the buffer
	 * @return how many bytes it holds: less than its length only at the end of the bytes
	 * @throws BlobTooLargeException as soon as the bytes pass the limit
	 * @throws IOException if the bytes cannot be read
	 */
	int fill(byte[] part) throws IOException {
		int length = 0;
		int read;
		while (length < part.length && (read = this.in.read(part, length, part.length - length)) != -1) {
			length += read;
			this.total += read;
			if (this.total > this.maxBytes) {
				throw new BlobTooLargeException(this.maxBytes);
			}
		}
		return length;
	}

	long total() {
		return this.total;
	}

}
