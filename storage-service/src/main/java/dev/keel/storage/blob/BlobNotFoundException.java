package dev.keel.storage.blob;

import java.io.IOException;

/** No blob has the key. */
public class BlobNotFoundException extends IOException {

	public BlobNotFoundException(String key) {
		super("No blob " + key);
	}

}
