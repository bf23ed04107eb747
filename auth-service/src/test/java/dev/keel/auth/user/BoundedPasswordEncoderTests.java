package dev.keel.auth.user;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BoundedPasswordEncoderTests {

	private static final long MIB = 1024 * 1024;

	@Test
	void runsAsManyHashesAsCoresWhenTheHeapHasRoom() {
		assertThat(BoundedPasswordEncoder.permitsFor(8, 2048 * MIB)).isEqualTo(8);
	}

	@Test
	void keepsConcurrentHashesWithinAQuarterOfTheHeap() {
		// the local -Xmx256m: 64 MiB hold 3 hashes of 19 MiB
		assertThat(BoundedPasswordEncoder.permitsFor(16, 256 * MIB)).isEqualTo(3);
		assertThat(BoundedPasswordEncoder.permitsFor(2, 256 * MIB)).isEqualTo(2);
	}

	@Test
	void alwaysAllowsOneHash() {
		assertThat(BoundedPasswordEncoder.permitsFor(4, 32 * MIB)).isEqualTo(1);
		assertThat(BoundedPasswordEncoder.permitsFor(0, 2048 * MIB)).isEqualTo(1);
	}

	@Test
	void neverRunsMoreHashesAtOnceThanItHasPermits() throws Exception {
		SlowEncoder slow = new SlowEncoder(Duration.ofMillis(20));
		PasswordEncoder bounded = new BoundedPasswordEncoder(slow, 2, Duration.ofSeconds(30));
		try (ExecutorService executor = Executors.newFixedThreadPool(16)) {
			for (int i = 0; i < 16; i++) {
				executor.submit(() -> bounded.matches("guess", "hash"));
			}
		}
		assertThat(slow.calls.get()).isEqualTo(16);
		assertThat(slow.mostAtOnce.get()).isEqualTo(2);
	}

	@Test
	void aCallerThatWaitsTooLongGetsA503WithRetryAfter() throws Exception {
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		PasswordEncoder bounded = new BoundedPasswordEncoder(new BlockingEncoder(holding, release), 1,
				Duration.ofMillis(1500));
		try (ExecutorService executor = Executors.newSingleThreadExecutor()) {
			Future<?> first = executor.submit(() -> bounded.encode("first"));
			holding.await();
			assertThatExceptionOfType(PasswordHashingBusy.class).isThrownBy(() -> bounded.encode("second"))
				.satisfies((busy) -> {
					assertThat(busy.getStatusCode().value()).isEqualTo(503);
					assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
					assertThat(busy.getBody().getProperties()).containsEntry("code", "service_unavailable");
				});
			release.countDown();
			first.get();
		}
		assertThat(bounded.matches("after the burst", "hash")).isTrue();
	}

	@Test
	void hashesRunOnThreadsOfTheirOwnNotOnTheCallersVirtualThread() throws Exception {
		List<Thread> hashedOn = new CopyOnWriteArrayList<>();
		PasswordEncoder recording = new PasswordEncoder() {
			@Override
			public String encode(CharSequence rawPassword) {
				return "hash";
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				hashedOn.add(Thread.currentThread());
				return true;
			}
		};
		try (BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(recording, 2, Duration.ofSeconds(5));
				ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
			requests.submit(() -> bounded.matches("guess", "hash")).get();
		}
		assertThat(hashedOn).singleElement().satisfies((thread) -> {
			assertThat(thread.isVirtual()).isFalse();
			assertThat(thread.getName()).startsWith("password-hashing-");
		});
	}

	/** Counts calls and how many ran at once. */
	private static final class SlowEncoder implements PasswordEncoder {

		private final Duration cost;

		private final AtomicInteger calls = new AtomicInteger();

		private final AtomicInteger running = new AtomicInteger();

		private final AtomicInteger mostAtOnce = new AtomicInteger();

		SlowEncoder(Duration cost) {
			this.cost = cost;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			return "hash";
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.calls.incrementAndGet();
			this.mostAtOnce.accumulateAndGet(this.running.incrementAndGet(), Math::max);
			try {
				Thread.sleep(this.cost);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.running.decrementAndGet();
			return false;
		}

	}

	/** Holds its slot until released. */
	private record BlockingEncoder(CountDownLatch holding, CountDownLatch release) implements PasswordEncoder {

		@Override
		public String encode(CharSequence rawPassword) {
			this.holding.countDown();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "hash";
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return true;
		}

	}

}
