package dev.keel.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.keel.system.DataFixtures.User;
import dev.keel.system.EventStream.Event;

import static dev.keel.system.DataFixtures.access;
import static dev.keel.system.DataFixtures.create;
import static dev.keel.system.DataFixtures.define;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One SSE client, connected through the gateway to one of two notification-service
 * instances, receives every item, whichever instance consumed the event that made it; and
 * the end-to-end latency from a document write to its SSE event, printed (a figure, not
 * an assertion).
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 96)
class NotificationFanoutSystemTests {

	private static final int WRITES = 200;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void streamReceivesItemsMadeByEitherInstanceAndPrintsTheLatency() throws Exception {
		String admin = DataFixtures.admin().accessToken();
		String tasks = define(admin, null, access("authenticated"));
		User subscriber = DataFixtures.newUser();
		User author = DataFixtures.newUser();
		NotificationSystemTests.subscribe(subscriber, tasks);
		List<Integer> instances = RunningPlatform.managementPorts("notification-service");
		assertThat(instances).hasSize(2);
		long[] before = delivered(instances);

		Map<String, Long> writtenAt = new LinkedHashMap<>();
		List<Event> events = new ArrayList<>();
		try (EventStream stream = EventStream.open(subscriber.token())) {
			assertThat(stream.status()).isEqualTo(200);
			for (int i = 0; i < WRITES; i++) {
				long start = System.nanoTime();
				String id = create(author.token(), tasks, Map.of("title", "task " + i)).path("_id").asString();
				writtenAt.put(id, start);
			}
			events.addAll(stream.take(WRITES, Duration.ofSeconds(60)));
			assertThat(stream.next(Duration.ofSeconds(2))).as("no duplicate").isNull();
		}

		Set<String> received = new HashSet<>();
		double[] latencies = new double[WRITES];
		for (int i = 0; i < WRITES; i++) {
			Event event = events.get(i);
			String documentId = event.data().path("data").path("documentId").asString();
			assertThat(received.add(documentId)).as("one event per write").isTrue();
			latencies[i] = (event.receivedAt() - writtenAt.get(documentId)) / 1e6;
		}
		assertThat(received).isEqualTo(writtenAt.keySet());

		long[] after = delivered(instances);
		long first = after[0] - before[0];
		long second = after[1] - before[1];
		Arrays.sort(latencies);
		System.out.printf(
				"Write to SSE event over %d writes through the gateway: p50 %.1f ms, p99 %.1f ms, "
						+ "max %.1f ms; items made by notification-service %d, by notification-service-2 %d%n",
				WRITES, latencies[WRITES / 2], latencies[(int) Math.ceil(WRITES * 0.99) - 1], latencies[WRITES - 1],
				first, second);
		assertThat(first + second).isEqualTo(WRITES);
		assertThat(first).as("items made by the first instance").isPositive();
		assertThat(second).as("items made by the second instance").isPositive();
	}

	/** Inbox items each instance has stored, by its own metrics. */
	private long[] delivered(List<Integer> managementPorts) throws Exception {
		long[] counts = new long[managementPorts.size()];
		for (int i = 0; i < counts.length; i++) {
			String metrics = this.http
				.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + managementPorts.get(i) + "/actuator/prometheus"))
					.build(), BodyHandlers.ofString())
				.body();
			counts[i] = metrics.lines()
				.filter((line) -> line.startsWith("keel_notification_inbox_delivered_total"))
				.mapToLong((line) -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
				.sum();
		}
		return counts;
	}

}
