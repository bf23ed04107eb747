package dev.keel.gateway.ratelimit;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Whether the shared buckets in Redis can be used right now. Logs each change once: a
 * warning when Redis is lost (or was never reached), a note when it is back, so an outage
 * shows as two lines however many requests it affects.
 */
final class RedisAvailability {

	private static final Log logger = LogFactory.getLog(RedisAvailability.class);

	private final String address;

	private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);

	private volatile Instant since = Instant.now();

	RedisAvailability(String address) {
		this.address = address;
	}

	boolean isAvailable() {
		return this.state.get() == State.AVAILABLE;
	}

	Instant since() {
		return this.since;
	}

	void reachable() {
		State previous = this.state.getAndSet(State.AVAILABLE);
		if (previous != State.AVAILABLE) {
			this.since = Instant.now();
			logger.info((previous == State.STARTING)
					? "Rate limits are shared by all gateway instances through Redis at " + this.address
					: "Redis at " + this.address + " is reachable again: rate limits are shared again");
		}
	}

	void unreachable(Throwable cause) {
		State previous = this.state.getAndSet(State.UNAVAILABLE);
		if (previous != State.UNAVAILABLE) {
			this.since = Instant.now();
			logger.warn("Redis at " + this.address + " is unreachable (" + describe(cause)
					+ "): each gateway instance limits requests on its own until Redis is back");
		}
	}

	private static String describe(Throwable cause) {
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
	}

	private enum State {

		STARTING, AVAILABLE, UNAVAILABLE

	}

}
