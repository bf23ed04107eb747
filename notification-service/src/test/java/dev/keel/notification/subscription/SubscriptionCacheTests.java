package dev.keel.notification.subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-instance copy of subscriptions: read from the store once while every change is
 * heard, and never kept across a change.
 */
class SubscriptionCacheTests {

	private final List<String> reads = new ArrayList<>();

	private final List<Subscription> stored = new ArrayList<>();

	private final Function<String, List<Subscription>> store = (collection) -> {
		this.reads.add(collection);
		return this.stored.stream().filter((subscription) -> subscription.collection().equals(collection)).toList();
	};

	private final SubscriptionCache cache = new SubscriptionCache(Duration.ofMinutes(1));

	@Test
	void readsTheStoreEveryTimeUntilItHearsEveryChange() {
		this.stored.add(subscription("sub_1", "tasks"));
		this.cache.ofCollection("tasks", this.store);
		this.cache.ofCollection("tasks", this.store);
		assertThat(this.reads).hasSize(2);
		assertThat(this.cache.holds("tasks")).isFalse();
	}

	@Test
	void whileListeningReadsACollectionOnceUntilItChanges() {
		this.cache.listening(true);
		this.stored.add(subscription("sub_1", "tasks"));
		assertThat(this.cache.ofCollection("tasks", this.store)).extracting(Subscription::id).containsExactly("sub_1");
		this.stored.add(subscription("sub_2", "tasks"));
		assertThat(this.cache.ofCollection("tasks", this.store)).extracting(Subscription::id).containsExactly("sub_1");
		assertThat(this.reads).containsExactly("tasks");

		this.cache.changed("tasks");

		assertThat(this.cache.ofCollection("tasks", this.store)).extracting(Subscription::id)
			.containsExactly("sub_1", "sub_2");
	}

	@Test
	void aChangeOfAllForgetsEveryCollection() {
		this.cache.listening(true);
		this.cache.ofCollection("tasks", this.store);
		this.cache.ofCollection("notes", this.store);
		this.cache.changed(SubscriptionCache.ALL);
		assertThat(this.cache.holds("tasks")).isFalse();
		assertThat(this.cache.holds("notes")).isFalse();
	}

	@Test
	void whatWasReadWhileAChangeArrivedIsNotKept() {
		this.cache.listening(true);
		this.stored.add(subscription("sub_1", "tasks"));
		List<Subscription> read = this.cache.ofCollection("tasks", (collection) -> {
			List<Subscription> before = this.store.apply(collection);
			this.stored.clear();
			this.cache.changed(collection);
			return before;
		});
		assertThat(read).hasSize(1);
		assertThat(this.cache.holds("tasks")).isFalse();
		assertThat(this.cache.ofCollection("tasks", this.store)).isEmpty();
	}

	@Test
	void losingTheChangesForgetsEverything() {
		this.cache.listening(true);
		this.cache.ofCollection("tasks", this.store);
		this.cache.listening(false);
		assertThat(this.cache.holds("tasks")).isFalse();
		this.cache.ofCollection("tasks", this.store);
		assertThat(this.cache.holds("tasks")).isFalse();
	}

	@Test
	void forgetsACollectionAfterItsTimeToLive() throws InterruptedException {
		SubscriptionCache shortLived = new SubscriptionCache(Duration.ofMillis(100));
		shortLived.listening(true);
		shortLived.ofCollection("tasks", this.store);
		assertThat(shortLived.holds("tasks")).isTrue();
		Thread.sleep(300);
		assertThat(shortLived.holds("tasks")).isFalse();
	}

	private static Subscription subscription(String id, String collection) {
		return new Subscription(id, "user-1", collection, null, SubscriptionRequest.ALL_EVENTS, Set.of(),
				Instant.now());
	}

}
