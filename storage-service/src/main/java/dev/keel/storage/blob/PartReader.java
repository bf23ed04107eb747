package dev.keel.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a blob's bytes a part at a time into one buffer, counting them against the limit.
 * The buffer starts small and grows only as far as the bytes need, up to a part: a small
 * blob costs little memory, a large one never more than one part.
 */
final class PartReader {

	private static final int INITIAL_BUFFER = 64 * 1024;

	private final InputStream in;

	private final int partSize;

	private final long maxBytes;

	private byte[] buffer;

	private long total;

	PartReader(InputStream in, int partSize, long maxBytes) {
		this.in = in;
		this.partSize = partSize;
		this.maxBytes = maxBytes;
		this.buffer = new byte[Math.min(INITIAL_BUFFER, partSize)];
	}

	/**
	 * Reads the next part into {@link #buffer()}.
	 * @return how many bytes it holds: less than a part only at the end of the bytes
	 * @throws BlobTooLargeException as soon as the bytes pass the limit
	 * @throws IOException if the bytes cannot be read
	 */
	int fill() throws IOException {
		int length = 0;
		while (true) {
			if (length == this.buffer.length) {
				if (length == this.partSize) {
					return length;
				}
				this.buffer = Arrays.copyOf(this.buffer, Math.min(this.partSize, 2 * length));
			}
			int read = this.in.read(this.buffer, length, this.buffer.length - length);
			if (read == -1) {
				return length;
			}
			length += read;
			this.total += read;
			if (this.total > this.maxBytes) {
				throw new BlobTooLargeException(this.maxBytes);
			}
		}
	}

	/**
	 * The buffer the last part was read into.
	 * @return the buffer; valid up to the length {@link #fill()} returned
	 */
	byte[] buffer() {
		return this.buffer;
	}

	/**
	 * How many bytes were read so far.
	 * @return the count
	 */
	long total() {
		return this.total;
	}

}
