package dev.keel.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification stream of one user through the gateway, read as a browser's
 * {@code EventSource} reads it. Each {@code notification} event is noted with the
 * {@code documentId} it is about and the moment its frame was complete.
 */
final class SseStream implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpResponse<Stream<String>> response;

	private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();

	private SseStream(HttpResponse<Stream<String>> response) {
		this.response = response;
		Thread.ofVirtual().name("keel-bench-sse").start(this::read);
	}

	static SseStream open(HttpClient http, URI gateway, String token) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/notifications/stream"))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		HttpResponse<Stream<String>> response = http.send(request, BodyHandlers.ofLines());
		if (response.statusCode() != 200) {
			String body = String.join("\n", response.body().limit(20).toList());
			throw new BenchAbort("The notification stream answered HTTP " + response.statusCode() + ": " + body);
		}
		return new SseStream(response);
	}

	/** The next notification, or {@code null} if none arrives in time. */
	Arrival next(Duration timeout) throws InterruptedException {
		return this.arrivals.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	@Override
	public void close() {
		this.response.body().close();
	}

	private void read() {
		Frames frames = new Frames();
		try (Stream<String> lines = this.response.body()) {
			lines.forEach((line) -> {
				Notice notice = frames.line(line);
				if (notice != null) {
					this.arrivals
						.add(new Arrival(notice.documentId(), System.nanoTime(), Instant.now(), notice.createdAt()));
				}
			});
		}
		catch (RuntimeException ex) {
			// Closed at the end, or by the server: nothing more arrives.
		}
	}

	/**
	 * A notification's arrival.
	 *
	 * @param documentId the document the notification is about
	 * @param nanos when its frame was complete ({@link System#nanoTime()})
	 * @param at when its frame was complete, by the wall clock
	 * @param createdAt the inbox item's {@code createdAt}, or {@code null}
	 */
	record Arrival(String documentId, long nanos, Instant at, Instant createdAt) {

		Arrival(String documentId, long nanos) {
			this(documentId, nanos, null, null);
		}

	}

	/**
	 * What a {@code notification} frame tells.
	 *
	 * @param documentId the document it is about
	 * @param createdAt the inbox item's {@code createdAt}, or {@code null}
	 */
	record Notice(String documentId, Instant createdAt) {

	}

	/**
	 * Server-Sent Events framing: fields accumulate until a blank line ends the event;
	 * comments ({@code :} heartbeats) and events other than {@code notification} are
	 * skipped.
	 */
	static final class Frames {

		private String event;

		private final StringBuilder data = new StringBuilder();

		/**
		 * Takes one line of the stream.
		 * @return the {@code notification} event this line ends, if it is about a
		 * document, else {@code null}
		 */
		Notice line(String line) {
			if (!line.isEmpty()) {
				if (line.startsWith("event:")) {
					this.event = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					this.data.append(line.substring(5).strip());
				}
				return null;
			}
			Notice notice = null;
			if ("notification".equals(this.event) && !this.data.isEmpty()) {
				JsonNode notification = json.readTree(this.data.toString());
				String documentId = notification.path("data").path("documentId").asString(null);
				if (documentId != null) {
					notice = new Notice(documentId, instant(notification.path("createdAt").asString(null)));
				}
			}
			this.event = null;
			this.data.setLength(0);
			return notice;
		}

		private static Instant instant(String text) {
			try {
				return (text != null) ? Instant.parse(text) : null;
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}

	}

}
