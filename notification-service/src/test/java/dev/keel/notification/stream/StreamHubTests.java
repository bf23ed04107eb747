package dev.keel.notification.stream;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class StreamHubTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final StreamHub hub = new StreamHub(
			StreamConnectionTests.settings(Duration.ofSeconds(10), Duration.ofMinutes(1), 8), this.meters);

	@BeforeEach
	void start() {
		this.hub.start();
	}

	@Test
	void deliversAnItemToEveryStreamOfItsUserOnly() throws Exception {
		RecordingSink first = new RecordingSink();
		RecordingSink second = new RecordingSink();
		RecordingSink other = new RecordingSink();
		run(open("user-1", first));
		run(open("user-1", second));
		run(open("user-2", other));
		skipOpening(first, second, other);

		this.hub.deliver("user-1", StreamConnectionTests.item("n1"));

		assertThat(first.next(Duration.ofSeconds(5))).contains("id: n1");
		assertThat(second.next(Duration.ofSeconds(5))).contains("id: n1");
		assertThat(other.next(Duration.ofMillis(300))).isNull();
	}

	@Test
	void aStreamBeyondTheLimitClosesTheUsersOldest() {
		StreamConnection oldest = open("user-1", new RecordingSink());
		StreamConnection middle = open("user-1", new RecordingSink());
		StreamConnection newest = open("user-1", new RecordingSink());
		StreamConnection otherUsers = open("user-2", new RecordingSink());

		assertThat(oldest.isClosed()).isTrue();
		assertThat(middle.isClosed()).isFalse();
		assertThat(newest.isClosed()).isFalse();
		assertThat(otherUsers.isClosed()).isFalse();
		assertThat(this.hub.size()).isEqualTo(3);
		assertThat(this.meters.get("keel.notification.stream.connections").gauge().value()).isEqualTo(3);
	}

	@Test
	void aClosedStreamIsForgotten() {
		StreamConnection connection = open("user-1", new RecordingSink());
		connection.close();
		assertThat(this.hub.hasStreams("user-1")).isFalse();
		assertThat(this.hub.size()).isZero();
	}

	@Test
	void stoppingClosesEveryStreamAndRefusesNewOnes() {
		StreamConnection open = open("user-1", new RecordingSink());
		this.hub.stop();
		assertThat(open.isClosed()).isTrue();
		StreamConnection late = connection("user-2", new RecordingSink());
		assertThat(this.hub.register(late)).isFalse();
		assertThat(late.isClosed()).isTrue();
		assertThat(this.hub.size()).isZero();
	}

	@Test
	void stopsBeforeTheWebServerWaitsForRequestsInFlight() {
		// Higher phases stop first.
		assertThat(this.hub.getPhase()).isGreaterThan(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE);
	}

	private StreamConnection open(String user, RecordingSink sink) {
		StreamConnection connection = connection(user, sink);
		assertThat(this.hub.register(connection)).isTrue();
		return connection;
	}

	private static StreamConnection connection(String user, RecordingSink sink) {
		return new StreamConnection(user, null, StreamConnectionTests.noReplay(), sink, new StreamProperties("t", 1,
				Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofMinutes(1), 2, 8));
	}

	private static void run(StreamConnection connection) {
		Thread.ofVirtual().start(connection::run);
	}

	private static void skipOpening(RecordingSink... sinks) throws InterruptedException {
		for (RecordingSink sink : sinks) {
			assertThat(sink.next(Duration.ofSeconds(5))).startsWith(": connected");
		}
	}

}
