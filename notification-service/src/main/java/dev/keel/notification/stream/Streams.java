package dev.keel.notification.stream;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Service;

import dev.keel.notification.account.Accounts;
import dev.keel.notification.inbox.Inbox;
import dev.keel.notification.inbox.Notification;

/**
 * Opens streams and hands new items to the ones open here. A stream is registered for
 * live items before its replay is read, so nothing created meanwhile falls between the
 * two. A disabled account may hold none: it is refused after registering, so a stream
 * opened while the account is being disabled is either refused here or closed by the
 * announcement, which comes after the account was stored as disabled.
 */
@Service
class Streams {

	/** The request outlives the stream's own end only by this much, as a safety net. */
	private static final Duration TIMEOUT_MARGIN = Duration.ofMinutes(1);

	private final StreamHub hub;

	private final Inbox inbox;

	private final StreamJson json;

	private final StreamProperties properties;

	private final Accounts accounts;

	Streams(StreamHub hub, Inbox inbox, StreamJson json, StreamProperties properties, Accounts accounts) {
		this.hub = hub;
		this.inbox = inbox;
		this.json = json;
		this.properties = properties;
		this.accounts = accounts;
	}

	/**
	 * How long a stream's request may last: its maximum age and a margin, so that the
	 * stream ends itself first.
	 */
	Duration requestTimeout() {
		return this.properties.maxAge().plus(TIMEOUT_MARGIN);
	}

	/**
	 * @param userId whose items to stream
	 * @param lastEventId the last item the client received, or {@code null}
	 * @param sink where the stream's frames go
	 * @return the running stream, or why there is none
	 */
	StreamOpening open(String userId, String lastEventId, StreamSink sink) {
		StreamConnection connection = new StreamConnection(userId, lastEventId, (after) -> replay(userId, after), sink,
				this.properties);
		if (!this.hub.register(connection)) {
			return new StreamOpening.ShuttingDown();
		}
		if (this.accounts.isDisabled(userId)) {
			connection.close();
			return new StreamOpening.AccountDisabled();
		}
		Thread.ofVirtual().name("keel-stream-" + userId).start(connection::run);
		return new StreamOpening.Opened(connection);
	}

	/** Passes a new item to the recipient's streams on this instance. */
	void deliver(Notification notification) {
		if (this.hub.hasStreams(notification.userId())) {
			this.hub.deliver(notification.userId(), this.json.live(notification));
		}
	}

	boolean hasStreams(String userId) {
		return this.hub.hasStreams(userId);
	}

	/** Ends every stream the user holds on this instance. */
	void closeAll(String userId) {
		this.hub.closeAll(userId);
	}

	private List<Live> replay(String userId, String after) {
		return this.inbox.createdAfter(userId, after).stream().map(this.json::live).toList();
	}

}
