package dev.keel.auth.user;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A bulkhead around the password encoder: at most {@code permits} hashes or verifications
 * run at once, because each Argon2id call holds {@link #HASH_MEMORY} of heap while it
 * runs. Callers beyond that wait in arrival order for up to {@code maxWait}, then get
 * {@link PasswordHashingBusy}, so a burst of logins costs latency and 503s, never the
 * heap.
 */
class BoundedPasswordEncoder implements PasswordEncoder {

	/** What one Argon2id call at Keel's parameters allocates: 19 MiB of blocks. */
	static final long HASH_MEMORY = 19L * 1024 * 1024;

	/** The share of the heap that concurrent hashes may take at most. */
	static final double HEAP_SHARE = 0.25;

	private final PasswordEncoder delegate;

	private final Semaphore slots;

	private final Duration maxWait;

	BoundedPasswordEncoder(PasswordEncoder delegate, int permits, Duration maxWait) {
		this.delegate = delegate;
		this.slots = new Semaphore(permits, true);
		this.maxWait = maxWait;
	}

	/**
	 * As many hashes at once as there are cores (hashing is CPU-bound, more would only
	 * queue inside the CPU), but no more than fit into a quarter of the heap, and at
	 * least one.
	 */
	static int permitsFor(int cores, long maxHeapBytes) {
		long byMemory = (long) (maxHeapBytes * HEAP_SHARE) / HASH_MEMORY;
		return (int) Math.max(1, Math.min(cores, byMemory));
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return bounded(() -> this.delegate.encode(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return bounded(() -> this.delegate.matches(rawPassword, encodedPassword));
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	private <T> T bounded(Supplier<T> hashing) {
		acquire();
		try {
			return hashing.get();
		}
		finally {
			this.slots.release();
		}
	}

	private void acquire() {
		try {
			if (!this.slots.tryAcquire(this.maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
				throw new PasswordHashingBusy(retryAfter());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PasswordHashingBusy(retryAfter());
		}
	}

	/** A burst that filled the queue for this long is likely over after as long again. */
	private Duration retryAfter() {
		return this.maxWait.isZero() ? Duration.ofSeconds(1) : this.maxWait;
	}

}
