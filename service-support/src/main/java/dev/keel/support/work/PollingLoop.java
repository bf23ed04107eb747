package dev.keel.support.work;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * A worker bean that runs {@link #round()} on a virtual thread of its own, again after
 * every {@link #wakeUp()} or, without one, after the poll interval. A round that fails
 * (the database away, say) is logged and retried after the interval: the loop itself
 * never dies until it is stopped. The context starts and stops it with the other
 * lifecycle beans. Queues kept in MongoDB use it so that work written on this instance
 * starts at once, and work written elsewhere within the interval.
 */
public abstract class PollingLoop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

	private final String name;

	private final Duration interval;

	private final Semaphore nudges = new Semaphore(0);

	private volatile boolean running;

	/**
	 * A loop, not yet started.
	 * @param name the thread's name, also used in log lines
	 * @param interval the longest wait between rounds
	 */
	protected PollingLoop(String name, Duration interval) {
		this.name = name;
		this.interval = interval;
	}

	/**
	 * Does what is due now. Long rounds should check {@link #isRunning()} between items,
	 * so that a stop does not wait for all of them.
	 * @throws InterruptedException when the thread is interrupted
	 */
	protected abstract void round() throws InterruptedException;

	@Override
	public synchronized void start() {
		if (!this.running) {
			this.running = true;
			Thread.ofVirtual().name(this.name).start(this::run);
		}
	}

	/** Ends the loop after the round under way, if any. */
	@Override
	public void stop() {
		this.running = false;
		this.nudges.release();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Starts the next round now rather than at the end of the interval. */
	public void wakeUp() {
		if (this.nudges.availablePermits() == 0) {
			this.nudges.release();
		}
	}

	private void run() {
		while (this.running) {
			try {
				round();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("{}: a round failed and is tried again in {}: {}", this.name, this.interval, ex.toString());
			}
			if (!await()) {
				return;
			}
		}
	}

	private boolean await() {
		try {
			this.nudges.tryAcquire(this.interval.toMillis(), TimeUnit.MILLISECONDS);
			this.nudges.drainPermits();
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
