package dev.keel.storage.blob;

import java.io.IOException;

/** A blob's bytes went past the most it may have; nothing was kept. */
public class BlobTooLargeException extends IOException {

	private final long maxBytes;

	public BlobTooLargeException(long maxBytes) {
		super("More than " + maxBytes + " bytes");
		this.maxBytes = maxBytes;
	}

	public long maxBytes() {
		return this.maxBytes;
	}

}
