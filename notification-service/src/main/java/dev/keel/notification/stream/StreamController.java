package dev.keel.notification.stream;

import java.util.Optional;

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
		SseEmitter emitter = this.streams.open(userId,
				present(lastEventIdHeader).or(() -> present(lastEventIdParameter)).orElse(null));
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).header("X-Accel-Buffering", "no").body(emitter);
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

	private static KeelProblemException unauthorized(String code, String detail) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return new KeelProblemException(HttpStatus.UNAUTHORIZED, code, detail, headers);
	}

}
