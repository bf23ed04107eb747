package dev.keel.notification.inbox;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.keel.notification.inbox.InboxStore.Position;
import dev.keel.support.security.CurrentCaller;
import dev.keel.support.web.KeelProblemException;
import dev.keel.support.web.Paging;

/** The caller's inbox under {@code /api/notifications}. */
@RestController
@RequestMapping("/api/notifications")
class InboxController {

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	InboxPage list(CurrentCaller caller, @RequestParam(required = false) String unread,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		boolean unreadOnly = unreadOnly(unread);
		int size = Paging.limit(limit);
		return this.inbox.page(caller.subject(), unreadOnly, position(cursor), size);
	}

	@GetMapping("/unread-count")
	Map<String, Long> unreadCount(CurrentCaller caller) {
		return Map.of("count", this.inbox.unreadCount(caller.subject()));
	}

	@PostMapping("/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void read(CurrentCaller caller, @PathVariable String id) {
		if (!this.inbox.markRead(caller.subject(), id)) {
			throw notFound(id);
		}
	}

	@PostMapping("/read-all")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void readAll(CurrentCaller caller) {
		this.inbox.markAllRead(caller.subject());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(CurrentCaller caller, @PathVariable String id) {
		if (!this.inbox.delete(caller.subject(), id)) {
			throw notFound(id);
		}
	}

	private static boolean unreadOnly(String unread) {
		if (unread == null || unread.isEmpty() || unread.equals("false")) {
			return false;
		}
		if (unread.equals("true")) {
			return true;
		}
		throw new KeelProblemException(HttpStatus.BAD_REQUEST, "invalid_parameter", "unread must be true or false.");
	}

	private static Position position(String cursor) {
		String text = Paging.position(cursor);
		return (text != null) ? InboxCursors.position(text).orElseThrow(Paging::invalidCursor) : null;
	}

	private static KeelProblemException notFound(String id) {
		return KeelProblemException.notFound("notification_not_found", "You have no notification '" + id + "'.");
	}

}
