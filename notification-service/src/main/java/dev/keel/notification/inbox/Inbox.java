package dev.keel.notification.inbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import dev.keel.notification.inbox.InboxStore.Position;

/**
 * Each user's notifications. Delivering is idempotent per event and recipient, and every
 * item that is new is announced with {@link NotificationCreated}.
 */
@Service
public class Inbox {

	/** The most items one replay sends; a client that missed more reads the inbox. */
	public static final int REPLAY_LIMIT = 500;

	private final InboxStore store;

	private final ApplicationEventPublisher events;

	private final Counter delivered;

	Inbox(InboxStore store, ApplicationEventPublisher events, MeterRegistry meters) {
		this.store = store;
		this.events = events;
		this.delivered = Counter.builder("keel.notification.inbox.delivered")
			.description("Inbox items this instance stored")
			.register(meters);
	}

	/**
	 * Stores a notification unless this event already gave the recipient one.
	 * @param request what to deliver
	 * @return the new item, or empty if it was delivered before
	 */
	public Optional<Notification> deliver(NewNotification request) {
		Notification item = new Notification(InboxStore.idOf(request.eventId(), request.userId()), request.userId(),
				request.type(), request.title(), request.body(), request.data(), false,
				Instant.now().truncatedTo(ChronoUnit.MILLIS));
		if (!this.store.insert(item, request.eventId())) {
			return Optional.empty();
		}
		this.delivered.increment();
		this.events.publishEvent(new NotificationCreated(item));
		return Optional.of(item);
	}

	/**
	 * The items created after one the user has seen, oldest first, for a stream that
	 * resumes. An id that is not one of the user's items replays nothing.
	 * @param userId the user
	 * @param lastSeenId the last item id the client received
	 * @return the items to send again
	 */
	public List<Notification> createdAfter(String userId, String lastSeenId) {
		Notification seen = this.store.find(userId, lastSeenId);
		return (seen != null) ? this.store.createdAfter(userId, Position.of(seen), REPLAY_LIMIT) : List.of();
	}

	/**
	 * One page of a user's items, newest first.
	 * @param userId the user
	 * @param unreadOnly whether to leave out the read ones
	 * @param after the position of the last item of the previous page, or {@code null}
	 * @param size the most items to return
	 * @return the page
	 */
	InboxPage page(String userId, boolean unreadOnly, Position after, int size) {
		List<Notification> items = this.store.newest(userId, unreadOnly, after, size + 1);
		String next = (items.size() > size) ? InboxCursors.cursor(items.get(size - 1)) : null;
		return new InboxPage(items.stream().limit(size).map(InboxItem::of).toList(), next);
	}

	long unreadCount(String userId) {
		return this.store.unread(userId);
	}

	/**
	 * Marks one of the user's items read.
	 * @return whether the user has that item
	 */
	boolean markRead(String userId, String id) {
		return this.store.markRead(userId, id);
	}

	void markAllRead(String userId) {
		this.store.markAllRead(userId);
	}

	/**
	 * Deletes one of the user's items.
	 * @return whether the user had that item
	 */
	boolean delete(String userId, String id) {
		return this.store.delete(userId, id);
	}

}
