package dev.keel.notification.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamConnectionTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final RecordingSink sink = new RecordingSink();

	@Test
	void startsWithACommentAndTheReconnectDelay() throws Exception {
		StreamConnection connection = connection(null, noReplay(),
				settings(Duration.ofSeconds(10), Duration.ofSeconds(10), 8));
		start(connection);
		assertThat(this.sink.next(WAIT)).isEqualTo(": connected\nretry: 3000\n\n");
		connection.close();
	}

	@Test
	void replaysBeforeQueuedLiveItemsAndSendsNoItemTwice() throws Exception {
		Map<String, List<Live>> pages = Map.of("a", List.of(item("b"), item("c")), "c", List.of());
		StreamConnection connection = connection("a", pages::get,
				settings(Duration.ofSeconds(10), Duration.ofSeconds(10), 8));
		// Queued between registration and the replay: c is in the replay as well.
		connection.offer(item("c"));
		connection.offer(item("d"));
		start(connection);
		assertThat(frames(5)).containsExactly(SseFrames.opened(Duration.ofSeconds(3)), item("b").frame(),
				item("c").frame(), item("d").frame(), null);
		connection.offer(item("e"));
		assertThat(this.sink.next(WAIT)).isEqualTo(item("e").frame());
		connection.close();
	}

	@Test
	void replayGoesOnPastOnePage() throws Exception {
		Map<String, List<Live>> pages = Map.of("a", List.of(item("b")), "b", List.of(item("c")), "c", List.of());
		StreamConnection connection = connection("a", pages::get,
				settings(Duration.ofSeconds(10), Duration.ofSeconds(10), 8));
		start(connection);
		assertThat(frames(3)).containsExactly(SseFrames.opened(Duration.ofSeconds(3)), item("b").frame(),
				item("c").frame());
		connection.close();
	}

	@Test
	void sendsHeartbeatsWhileIdle() throws Exception {
		StreamConnection connection = connection(null, noReplay(),
				settings(Duration.ofMillis(50), Duration.ofSeconds(10), 8));
		start(connection);
		this.sink.next(WAIT);
		assertThat(this.sink.next(Duration.ofMillis(500))).isEqualTo(": heartbeat\n\n");
		assertThat(this.sink.next(Duration.ofMillis(500))).isEqualTo(": heartbeat\n\n");
		connection.close();
	}

	@Test
	void aClientThatFallsTooFarBehindIsDisconnected() throws Exception {
		this.sink.stall();
		AtomicBoolean unregistered = new AtomicBoolean();
		StreamConnection connection = connection(null, noReplay(),
				settings(Duration.ofSeconds(10), Duration.ofSeconds(10), 2));
		connection.onClose(() -> unregistered.set(true));
		Thread writer = start(connection);
		this.sink.next(WAIT);
		for (int i = 0; i < 3; i++) {
			connection.offer(item("i" + i));
		}
		assertThat(connection.isClosed()).isTrue();
		assertThat(unregistered).isTrue();
		this.sink.resume();
		assertThat(this.sink.completed(WAIT)).isTrue();
		writer.join(WAIT);
		assertThat(this.sink.next(Duration.ofMillis(200))).isNull();
	}

	@Test
	void closesAfterItsMaximumAge() throws Exception {
		StreamConnection connection = connection(null, noReplay(),
				settings(Duration.ofSeconds(10), Duration.ofMillis(200), 8));
		Thread writer = start(connection);
		assertThat(this.sink.completed(WAIT)).isTrue();
		writer.join(WAIT);
		assertThat(connection.isClosed()).isTrue();
	}

	@Test
	void closingEndsTheResponse() throws Exception {
		StreamConnection connection = connection(null, noReplay(),
				settings(Duration.ofSeconds(10), Duration.ofSeconds(10), 8));
		start(connection);
		this.sink.next(WAIT);
		connection.close();
		assertThat(this.sink.completed(WAIT)).isTrue();
		connection.offer(item("late"));
		assertThat(this.sink.next(Duration.ofMillis(200))).isNull();
	}

	@Test
	void aFailingReplayEndsTheStreamSoTheClientReconnects() throws Exception {
		StreamConnection connection = connection("a", (after) -> {
			throw new IllegalStateException("inbox unreachable");
		}, settings(Duration.ofSeconds(10), Duration.ofSeconds(10), 8));
		start(connection);
		assertThat(this.sink.completed(WAIT)).isTrue();
	}

	private StreamConnection connection(String lastEventId, Function<String, List<Live>> replay,
			StreamProperties properties) {
		return new StreamConnection("user-1", lastEventId, replay, this.sink, properties);
	}

	private Thread start(StreamConnection connection) {
		return Thread.ofVirtual().start(connection::run);
	}

	private List<String> frames(int count) throws InterruptedException {
		List<String> frames = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			frames.add(this.sink.next((i < count - 1) ? WAIT : Duration.ofMillis(300)));
		}
		return frames;
	}

	static Live item(String id) {
		return new Live(id, SseFrames.notification(id, "{\"id\":\"" + id + "\"}"));
	}

	static Function<String, List<Live>> noReplay() {
		return (after) -> List.of();
	}

	static StreamProperties settings(Duration heartbeat, Duration maxAge, int buffer) {
		return new StreamProperties("t", 1, heartbeat, Duration.ofSeconds(3), maxAge, 2, buffer);
	}

}
