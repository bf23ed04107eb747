package dev.keel.auth.user;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A bulkhead around the password encoder: at most {@code permits} hashes or verifications
 * run at once, because each Argon2id call holds {@link #HASH_MEMORY} of heap while it
 * runs. Callers beyond that wait in arrival order for up to {@code maxWait}, then get
 * {@link PasswordHashingBusy}, so a burst of logins costs latency and 503s, never the
 * heap.
 * <p>
 * The hashes run on {@code permits} platform threads of their own, not on the caller's
 * thread: requests are served by virtual threads, whose carriers are as many as the
 * cores, and a CPU-bound hash is never preempted on its carrier. Hashing on the carriers
 * would leave no carrier for the rest of the service while a burst lasts (reading
 * requests, MongoDB, even the waiters' time-outs), and the gateway would time out. On
 * threads of their own the operating system shares the cores between hashing and
 * everything else.
 */
class BoundedPasswordEncoder implements PasswordEncoder, AutoCloseable {

	/** What one Argon2id call at Keel's parameters allocates: 19 MiB of blocks. */
	static final long HASH_MEMORY = 19L * 1024 * 1024;

	/** The share of the heap that concurrent hashes may take at most. */
	static final double HEAP_SHARE = 0.25;

	private final PasswordEncoder delegate;

	private final Semaphore slots;

	private final Duration maxWait;

	private final ExecutorService hashers;

	BoundedPasswordEncoder(PasswordEncoder delegate, int permits, Duration maxWait) {
		this.delegate = delegate;
		this.slots = new Semaphore(permits, true);
		this.maxWait = maxWait;
		this.hashers = Executors.newFixedThreadPool(permits,
				Thread.ofPlatform().name("password-hashing-", 1).daemon(true).factory());
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

	/**
	 * Runs the hashing on a hashing thread once a slot is free; a slot always has a free
	 * thread, so nothing queues in the pool.
	 */
	private <T> T bounded(Callable<T> hashing) {
		acquire();
		try {
			return this.hashers.submit(hashing).get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("Password hashing failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PasswordHashingBusy(retryAfter());
		}
		finally {
			this.slots.release();
		}
	}

	@Override
	public void close() {
		this.hashers.shutdownNow();
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
