package dev.keel.support.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The documents this instance just wrote entries to, handed over by
 * {@link Outbox#wakeUp(String, Object)} after the write, so that the relay claims them by
 * id instead of searching the collection for them. A hint is only a hint: the claim still
 * checks that the document holds entries nobody else works on, and a hint that is dropped
 * (the queue full, say while Kafka is down) leaves its document to the periodic scan.
 */
final class PendingHints {

	private final Queue<Hint> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger size = new AtomicInteger();

	private final int capacity;

	PendingHints(int capacity) {
		this.capacity = capacity;
	}

	/** Adds a hint unless the queue is full; never blocks. */
	boolean offer(String collection, Object id) {
		if (this.size.incrementAndGet() > this.capacity) {
			this.size.decrementAndGet();
			return false;
		}
		this.queue.add(new Hint(collection, id));
		return true;
	}

	boolean isEmpty() {
		return this.size.get() == 0;
	}

	/**
	 * Takes up to {@code limit} hints, oldest first, as document ids per collection (each
	 * id once, in the order of its first hint).
	 */
	Map<String, List<Object>> take(int limit) {
		Map<String, Set<Object>> taken = new LinkedHashMap<>();
		for (int i = 0; i < limit; i++) {
			Hint hint = this.queue.poll();
			if (hint == null) {
				break;
			}
			this.size.decrementAndGet();
			taken.computeIfAbsent(hint.collection(), (name) -> new LinkedHashSet<>()).add(hint.id());
		}
		Map<String, List<Object>> ids = new LinkedHashMap<>();
		taken.forEach((collection, documents) -> ids.put(collection, new ArrayList<>(documents)));
		return ids;
	}

	private record Hint(String collection, Object id) {
	}

}
