package dev.keel.storage.tus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bytes read under an upload's lease, which is renewed every few seconds while they come.
 * As a PATCH body ({@link #keepingWhatArrived}), what arrived before the client went away
 * counts (tus asks the server to keep as much of an interrupted chunk as it received), so
 * a failed read ends the chunk instead of discarding it.
 */
final class ChunkBody extends FilterInputStream {

	private final Runnable renewLease;

	private final long renewEveryNanos;

	private long renewedAt = System.nanoTime();

	private final boolean keepWhatArrived;

	private boolean cutOff;

	private ChunkBody(InputStream body, Runnable renewLease, long renewEveryNanos, boolean keepWhatArrived) {
		super(body);
		this.renewLease = renewLease;
		this.renewEveryNanos = renewEveryNanos;
		this.keepWhatArrived = keepWhatArrived;
	}

	/** A PATCH body: a failed read ends it, keeping what arrived. */
	static ChunkBody keepingWhatArrived(InputStream body, Runnable renewLease, long renewEveryNanos) {
		return new ChunkBody(body, renewLease, renewEveryNanos, true);
	}

	/** Stored chunks read back: a failed read fails. */
	static ChunkBody failingOnError(InputStream body, Runnable renewLease, long renewEveryNanos) {
		return new ChunkBody(body, renewLease, renewEveryNanos, false);
	}

	/** Whether the client went away before the chunk ended. */
	boolean cutOff() {
		return this.cutOff;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return (read(one, 0, 1) == 1) ? (one[0] & 0xff) : -1;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (this.cutOff) {
			return -1;
		}
		if (System.nanoTime() - this.renewedAt > this.renewEveryNanos) {
			this.renewLease.run();
			this.renewedAt = System.nanoTime();
		}
		try {
			return this.in.read(buffer, offset, length);
		}
		catch (IOException ex) {
			if (!this.keepWhatArrived) {
				throw ex;
			}
			this.cutOff = true;
			return -1;
		}
	}

	@Override
	public long skip(long n) {
		return 0;
	}

}
