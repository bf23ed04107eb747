package dev.keel.storage.blob;

import java.io.FilterInputStream;
import java.io.IOException;

import software.amazon.awssdk.core.ResponseInputStream;

/**
 * An object's bytes from S3. Closed before its end (a client that stopped downloading),
 * it aborts the connection instead of letting the HTTP client read the rest of the body
 * to reuse the connection, which for a large file would mean downloading it in vain.
 */
final class S3ObjectStream extends FilterInputStream {

	private final ResponseInputStream<?> response;

	private boolean ended;

	S3ObjectStream(ResponseInputStream<?> response) {
		super(response);
		this.response = response;
	}

	@Override
	public int read() throws IOException {
		int read = super.read();
		this.ended |= (read == -1);
		return read;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int read = super.read(buffer, offset, length);
		this.ended |= (read == -1);
		return read;
	}

	@Override
	public void close() throws IOException {
		if (!this.ended) {
			this.response.abort();
		}
		super.close();
	}

}
