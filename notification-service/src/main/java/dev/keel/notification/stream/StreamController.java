package dev.keel.notification.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.keel.support.security.CurrentCaller;
import dev.keel.support.web.KeelProblemException;

/**
 * {@code GET /api/notifications/stream} and its tickets. The stream is a public path for
 * the security filter, which still verifies a bearer token when one is sent; without one,
 * this controller wants a ticket.
 */
@RestController
@RequestMapping("/api/notifications")
class StreamController {

	private static final String LAST_EVENT_ID = "Last-Event-ID";

	private final Streams streams;

	private final StreamTickets tickets;

	StreamController(Streams streams, StreamTickets tickets) {
		this.streams = streams;
		this.tickets = tickets;
	}

	@PostMapping("/stream-ticket")
	ResponseEntity<StreamTicket> ticket(CurrentCaller caller) {
		StreamTicket ticket = new StreamTicket(this.tickets.issue(caller), StreamTickets.LIFETIME.toSeconds());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ticket);
	}

	/**
	 * The header wins over the query parameter: {@code EventSource} reconnects to the
	 * same URL with the header set to the last id it received.
	 */
	@GetMapping("/stream")
	@Operation(summary = "The caller's notifications as they arrive (Server-Sent Events)",
			description = "With a bearer token, or with a one-time ticket from POST /api/notifications/stream-ticket "
					+ "for EventSource, which cannot send headers.",
			responses = @ApiResponse(responseCode = "200", description = "The event stream",
					content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
							schema = @Schema(type = "string"))))
	ResponseEntity<SseEmitter> stream(Optional<CurrentCaller> caller, @RequestParam(required = false) String ticket,
			@RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventIdHeader,
			@RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) {
		String userId = caller.map(CurrentCaller::subject).orElseGet(() -> redeem(ticket));
		String lastEventId = present(lastEventIdHeader).or(() -> present(lastEventIdParameter)).orElse(null);
		SseEmitter emitter = new SseEmitter(this.streams.requestTimeout().toMillis());
		return switch (this.streams.open(userId, lastEventId, new EmitterSink(emitter))) {
			case StreamOpening.Opened opened -> {
				StreamConnection connection = opened.connection();
				emitter.onCompletion(connection::close);
				emitter.onTimeout(connection::close);
				emitter.onError((ex) -> connection.close());
				yield ResponseEntity.ok()
					.cacheControl(CacheControl.noCache())
					.header("X-Accel-Buffering", "no")
					.body(emitter);
			}
			case StreamOpening.ShuttingDown down -> throw shuttingDown();
			case StreamOpening.AccountDisabled disabled -> throw new KeelProblemException(HttpStatus.FORBIDDEN,
					"account_disabled", "This account is disabled: it receives no notifications.");
		};
	}

	private String redeem(String ticket) {
		if (ticket == null || ticket.isEmpty()) {
			throw unauthorized("unauthorized",
					"This request needs a bearer token in the Authorization header, or a ticket from POST /api/notifications/stream-ticket.");
		}
		return this.tickets.redeem(ticket)
			.map(CurrentCaller::subject)
			.orElseThrow(() -> unauthorized("invalid_ticket",
					"The ticket is unknown, used or expired. Get a new one from POST /api/notifications/stream-ticket."));
	}

	private static Optional<String> present(String value) {
		return Optional.ofNullable(value).map(String::strip).filter((text) -> !text.isEmpty());
	}

	private static KeelProblemException shuttingDown() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "1");
		return new KeelProblemException(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
				"This instance is shutting down. Reconnect.", headers);
	}

	private static KeelProblemException unauthorized(String code, String detail) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return new KeelProblemException(HttpStatus.UNAUTHORIZED, code, detail, headers);
	}

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
				// The response is over already (the client left, or the server is
				// stopping).
			}
		}

	}

}
