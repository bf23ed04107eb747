package dev.keel.bench;

import java.io.InputStream;

/**
 * {@code size} bytes of a fixed pseudo-random pattern, made as they are read: a file of
 * any size for an upload, without a copy in memory or on disk. The same size always gives
 * the same bytes.
 */
final class PatternStream extends InputStream {

	private final long size;

	private long position;

	private long state = 0x9E3779B97F4A7C15L;

	PatternStream(long size) {
		this.size = size;
	}

	@Override
	public int read() {
		byte[] one = new byte[1];
		return (read(one, 0, 1) == 1) ? (one[0] & 0xff) : -1;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		if (this.position >= this.size) {
			return -1;
		}
		int count = (int) Math.min(length, this.size - this.position);
		for (int i = 0; i < count; i++) {
			if ((this.position + i) % 8 == 0) {
				// xorshift64: cheap, so the generator is never the bottleneck.
				this.state ^= this.state << 13;
				this.state ^= this.state >>> 7;
				this.state ^= this.state << 17;
			}
			buffer[offset + i] = (byte) (this.state >>> (8 * ((this.position + i) % 8)));
		}
		this.position += count;
		return count;
	}

}
