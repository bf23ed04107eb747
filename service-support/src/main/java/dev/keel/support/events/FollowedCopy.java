package dev.keel.support.events;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * An instance's copy of data that its store owns, kept up to date by following a changes
 * topic: every change, made here or on another instance, makes the copy forget its key
 * ({@link #changed}). The copy is used only while this instance is known to receive every
 * change ({@link ChangesPosition}); before its consumer is positioned on the topic, and
 * after it lost its partitions, every lookup goes to the store. Entries also expire after
 * a time to live, which bounds staleness while a change cannot be delivered, and the copy
 * holds a bounded number of keys.
 *
 * @param <V> the values, which must not change once read
 */
public class FollowedCopy<V> implements ChangesPosition.Copy {

	private final Cache<String, V> cached;

	// Counts changes, so that a value read before a change is never kept after it.
	private final AtomicLong changes = new AtomicLong();

	private volatile boolean listening;

	protected FollowedCopy(int maximumSize, Duration timeToLive) {
		this.cached = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(timeToLive).build();
	}

	/**
	 * The value of a key, from this copy or else from the store; what the store gives is
	 * kept only if no change came while it was read.
	 * @param key the key
	 * @param store reads the value from the store, {@code null} when there is none
	 * @return the value, or {@code null}
	 */
	protected @Nullable V get(String key, Function<String, @Nullable V> store) {
		if (!this.listening) {
			return store.apply(key);
		}
		V known = this.cached.getIfPresent(key);
		if (known != null) {
			return known;
		}
		long seen = this.changes.get();
		V found = store.apply(key);
		if (found != null) {
			this.cached.asMap()
				.compute(key, (ignored, current) -> (this.changes.get() == seen && this.listening) ? found : current);
		}
		return found;
	}

	/** Forgets a key that changed, here or on another instance. */
	protected void forget(String key) {
		this.changes.incrementAndGet();
		this.cached.invalidate(key);
	}

	/** Forgets every key. */
	protected void forgetAll() {
		this.changes.incrementAndGet();
		this.cached.invalidateAll();
	}

	/**
	 * Whether every change from now on reaches this copy; when it stops being so,
	 * everything is forgotten.
	 */
	@Override
	public void listening(boolean listening) {
		this.changes.incrementAndGet();
		this.listening = listening;
		if (!listening) {
			this.cached.invalidateAll();
		}
	}

	@Override
	public boolean isListening() {
		return this.listening;
	}

	/** Whether this copy holds a key (for tests). */
	public boolean holds(String key) {
		return this.cached.getIfPresent(key) != null;
	}

}
