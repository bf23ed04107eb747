package dev.keel.notification.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads {@code GET /api/notifications/stream} over real HTTP the way a browser's
 * {@code EventSource} does: lines grouped into frames at blank lines,
 * {@code field: value} with one optional space after the colon, comments starting with a
 * colon.
 */
final class EventStream implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final Frame END = new Frame(List.of(), null, null, null, null);

	private final HttpResponse<Stream<String>> response;

	private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();

	private final String body;

	private final Thread reader;

	private EventStream(HttpResponse<Stream<String>> response) {
		this.response = response;
		if (response.statusCode() == 200) {
			this.body = null;
			this.reader = Thread.ofVirtual().name("test-sse-reader").start(this::read);
		}
		else {
			try (Stream<String> lines = response.body()) {
				this.body = lines.collect(Collectors.joining("\n"));
			}
			this.reader = null;
		}
	}

	static EventStream open(int port, String pathAndQuery, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
			.header("Accept", "text/event-stream")
			.GET();
		headers.forEach(request::header);
		try {
			return new EventStream(http.send(request.build(), BodyHandlers.ofLines()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static EventStream withToken(int port, String token, Map<String, String> headers) {
		Map<String, String> all = new HashMap<>(headers);
		all.put("Authorization", "Bearer " + token);
		return open(port, "/api/notifications/stream", all);
	}

	int status() {
		return this.response.statusCode();
	}

	String header(String name) {
		return this.response.headers().firstValue(name).orElse(null);
	}

	/** The whole body of a response that is not a stream (an error). */
	String body() {
		return this.body;
	}

	/**
	 * The next frame, or {@code null} if none came in time; {@link #ended()} after the
	 * end.
	 */
	Frame next(Duration timeout) {
		try {
			Frame frame = this.frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (frame == END) {
				this.frames.add(END);
			}
			return frame;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The next {@code notification} event, skipping comments; {@code null} if none in
	 * time.
	 */
	Frame nextNotification(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Frame frame;
		do {
			frame = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
			if (frame == null || frame == END) {
				return null;
			}
		}
		while (!"notification".equals(frame.event()));
		return frame;
	}

	/** Whether the server ended the response (waiting up to the timeout). */
	boolean ended(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Frame frame;
		while ((frame = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) != null) {
			if (frame == END) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		this.response.body().close();
		if (this.reader != null) {
			this.reader.interrupt();
		}
	}

	private void read() {
		List<String> lines = new ArrayList<>();
		try {
			Iterator<String> body = this.response.body().iterator();
			while (body.hasNext()) {
				String line = body.next();
				if (line.isEmpty()) {
					this.frames.add(Frame.of(lines));
					lines = new ArrayList<>();
				}
				else {
					lines.add(line);
				}
			}
		}
		catch (RuntimeException ex) {
			// closed by the test or the server
		}
		this.frames.add(END);
	}

	/**
	 * One frame.
	 *
	 * @param comments its comment lines, without the colon
	 * @param event the {@code event} field
	 * @param id the {@code id} field
	 * @param data the {@code data} lines, joined by newlines
	 * @param retry the {@code retry} field
	 */
	record Frame(List<String> comments, String event, String id, String data, String retry) {

		static Frame of(List<String> lines) {
			List<String> comments = new ArrayList<>();
			Map<String, List<String>> fields = new LinkedHashMap<>();
			for (String line : lines) {
				if (line.startsWith(":")) {
					comments.add(strip(line.substring(1)));
					continue;
				}
				int colon = line.indexOf(':');
				String name = (colon >= 0) ? line.substring(0, colon) : line;
				String value = (colon >= 0) ? strip(line.substring(colon + 1)) : "";
				fields.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			}
			return new Frame(comments, last(fields, "event"), last(fields, "id"),
					fields.containsKey("data") ? String.join("\n", fields.get("data")) : null, last(fields, "retry"));
		}

		private static String strip(String value) {
			return value.startsWith(" ") ? value.substring(1) : value;
		}

		private static String last(Map<String, List<String>> fields, String name) {
			List<String> values = fields.get(name);
			return (values != null) ? values.getLast() : null;
		}

		@Override
		public String toString() {
			return this.comments.stream().map((comment) -> ":" + comment).collect(Collectors.joining(" "))
					+ ((this.event != null) ? " event=" + this.event : "") + ((this.id != null) ? " id=" + this.id : "")
					+ ((this.data != null) ? " data=" + this.data : "")
					+ ((this.retry != null) ? " retry=" + this.retry : "");
		}

	}

}
