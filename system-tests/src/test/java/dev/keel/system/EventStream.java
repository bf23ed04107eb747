package dev.keel.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * A Server-Sent Events client of the platform's notification stream, reading over real
 * HTTP through the gateway the way a browser's {@code EventSource} does.
 */
final class EventStream implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final HttpResponse<Stream<String>> response;

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final AtomicInteger comments = new AtomicInteger();

	private final CountDownLatch ended = new CountDownLatch(1);

	private EventStream(HttpResponse<Stream<String>> response) {
		this.response = response;
		if (response.statusCode() == 200) {
			Thread.ofVirtual().name("sse-reader").start(this::read);
		}
	}

	/** Connects to {@code path} (the stream, with any query) with the given headers. */
	static EventStream open(String path, String bearer, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.GATEWAY + path))
			.header("Accept", "text/event-stream");
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		headers.forEach(request::header);
		try {
			return new EventStream(http.send(request.GET().build(), BodyHandlers.ofLines()));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not open " + path, ex);
		}
	}

	static EventStream open(String bearer) {
		return open("/api/notifications/stream", bearer, Map.of());
	}

	int status() {
		return this.response.statusCode();
	}

	String header(String name) {
		return this.response.headers().firstValue(name).orElse(null);
	}

	/** The error body of a stream that was refused. */
	String refusal() {
		return String.join("\n", this.response.body().toList());
	}

	/** The next event, or {@code null} if none arrives in time. */
	Event next(Duration timeout) throws InterruptedException {
		return this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Exactly the next {@code count} events; fails if they do not arrive in time. */
	List<Event> take(int count, Duration timeout) throws InterruptedException {
		List<Event> taken = new ArrayList<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (taken.size() < count) {
			Event event = this.events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (event == null) {
				throw new AssertionError("Got " + taken.size() + " of " + count + " events in " + timeout);
			}
			taken.add(event);
		}
		return taken;
	}

	/** Comment lines seen so far: the connect comment and heartbeats. */
	int comments() {
		return this.comments.get();
	}

	@Override
	public void close() {
		this.response.body().close();
	}

	private void read() {
		String event = null;
		String id = null;
		StringBuilder data = new StringBuilder();
		try (Stream<String> lines = this.response.body()) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						this.events.add(new Event(event, id, Api.json.readTree(data.toString()), System.nanoTime()));
					}
					event = null;
					data.setLength(0);
				}
				else if (line.startsWith(":")) {
					this.comments.incrementAndGet();
				}
				else if (line.startsWith("event:")) {
					event = line.substring(6).strip();
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5).strip());
				}
			}
		}
		catch (RuntimeException ex) {
			// closed by the test or the server; the queue simply receives nothing more
		}
		finally {
			this.ended.countDown();
		}
	}

	/** Whether the server ended the stream within the timeout. */
	boolean awaitEnd(Duration timeout) throws InterruptedException {
		return this.ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * One event.
	 *
	 * @param event the event name
	 * @param id the event id
	 * @param data the data, parsed
	 * @param receivedAt {@link System#nanoTime()} on arrival
	 */
	record Event(String event, String id, JsonNode data, long receivedAt) {
	}

}
