package dev.keel.storage.tus;

import java.io.IOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Forgets expired uploads, their chunks with them, once a minute on a virtual thread of
 * its own. Every instance runs one; two deleting the same upload is harmless.
 */
@Component
class UploadJanitor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(UploadJanitor.class);

	private static final Duration EVERY = Duration.ofMinutes(1);

	private static final int BATCH = 100;

	private final TusUploads uploads;

	private volatile Thread thread;

	UploadJanitor(TusUploads uploads) {
		this.uploads = uploads;
	}

	@Override
	public void start() {
		this.thread = Thread.ofVirtual().name("keel-upload-janitor").start(this::run);
	}

	@Override
	public void stop() {
		Thread running = this.thread;
		if (running != null) {
			running.interrupt();
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	private void run() {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				Thread.sleep(EVERY);
				while (this.uploads.expire(BATCH) == BATCH) {
					// A full batch: there may be more.
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Could not forget expired uploads ({}); trying again in {}", ex.getMessage(), EVERY);
			}
		}
	}

}
