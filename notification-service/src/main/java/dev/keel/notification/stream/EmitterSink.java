package dev.keel.notification.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Writes ready-made frames to an {@link SseEmitter}, which sets
 * {@code Content-Type: text/event-stream} and holds frames sent before the response
 * started.
 */
record EmitterSink(SseEmitter emitter) implements StreamSink {

	private static final MediaType UTF8_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	@Override
	public void send(String frame) throws IOException {
		this.emitter.send(Set.of(new DataWithMediaType(frame, UTF8_TEXT)));
	}

	@Override
	public void complete() {
		try {
			this.emitter.complete();
		}
		catch (RuntimeException ex) {
			// The response is over already (the client left, or the server is stopping).
		}
	}

}
