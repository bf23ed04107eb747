package dev.keel.notification.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client that records the frames it gets; {@link #stall()} makes it stop reading after
 * the first frame, as a client on a slow link would.
 */
final class RecordingSink implements StreamSink {

	private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

	private final CountDownLatch completed = new CountDownLatch(1);

	private volatile CountDownLatch stalled;

	RecordingSink stall() {
		this.stalled = new CountDownLatch(1);
		return this;
	}

	void resume() {
		this.stalled.countDown();
	}

	@Override
	public void send(String frame) throws IOException {
		this.frames.add(frame);
		CountDownLatch gate = this.stalled;
		if (gate != null) {
			try {
				gate.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
		}
	}

	@Override
	public void complete() {
		this.completed.countDown();
	}

	String next(Duration timeout) throws InterruptedException {
		return this.frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	boolean completed(Duration timeout) throws InterruptedException {
		return this.completed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

}
