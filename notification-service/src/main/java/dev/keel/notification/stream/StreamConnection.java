package dev.keel.notification.stream;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open stream. Live items are queued as soon as the connection is registered, and a
 * writer thread of its own sends, in order: the opening comment, the replay of what the
 * client missed, then the queued and later items that the replay did not hold, with
 * heartbeats in between. So a resuming client sees no gap and no item twice, and a slow
 * client only ever holds up itself: when its queue is full, the stream is closed and the
 * client resumes with {@code Last-Event-ID}.
 */
final class StreamConnection {

	private static final Logger log = LoggerFactory.getLogger(StreamConnection.class);

	private static final Live STOP = new Live("", "");

	private final String userId;

	private final String lastEventId;

	private final Function<String, List<Live>> replay;

	private final StreamSink sink;

	private final Duration heartbeat;

	private final Duration retry;

	private final Instant closesAt;

	private final BlockingQueue<Live> queue;

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile Runnable onClose = () -> {
	};

	/**
	 * @param userId whose items the stream carries
	 * @param lastEventId the last item the client saw, or {@code null}
	 * @param replay the items after a given one, oldest first; an empty list at the end
	 * @param sink where the frames go
	 * @param properties the stream settings
	 */
	StreamConnection(String userId, String lastEventId, Function<String, List<Live>> replay, StreamSink sink,
			StreamProperties properties) {
		this.userId = userId;
		this.lastEventId = lastEventId;
		this.replay = replay;
		this.sink = sink;
		this.heartbeat = properties.heartbeat();
		this.retry = properties.retry();
		// Up to a tenth earlier, so that streams opened together do not all reconnect
		// together.
		long jitter = ThreadLocalRandom.current().nextLong(properties.maxAge().toMillis() / 10 + 1);
		this.closesAt = Instant.now().plus(properties.maxAge()).minusMillis(jitter);
		this.queue = new ArrayBlockingQueue<>(Math.max(1, properties.buffer()));
	}

	String userId() {
		return this.userId;
	}

	/** Runs once the connection is closed, from whichever side. */
	void onClose(Runnable action) {
		this.onClose = action;
	}

	/**
	 * Queues a live item; closes the stream when the client has fallen too far behind.
	 * Never blocks.
	 */
	void offer(Live item) {
		if (!this.closed.get() && !this.queue.offer(item)) {
			log.info("Closing a stream of user {}: it fell {} items behind", this.userId, this.queue.size());
			close();
		}
	}

	/** Stops the stream: the writer sends nothing more and ends the response. */
	void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.onClose.run();
			while (!this.queue.offer(STOP)) {
				this.queue.clear();
			}
		}
	}

	boolean isClosed() {
		return this.closed.get();
	}

	/** The writer: runs on a virtual thread of its own until the stream ends. */
	void run() {
		try {
			this.sink.send(SseFrames.opened(this.retry));
			forwardLive(replay());
		}
		catch (IOException ex) {
			log.debug("A stream of user {} ended: {}", this.userId, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			// The inbox unreachable during a replay, say: the client reconnects and
			// resumes.
			log.warn("A stream of user {} failed: {}", this.userId, ex.toString());
		}
		finally {
			close();
			this.sink.complete();
		}
	}

	private Set<String> replay() throws IOException {
		Set<String> sent = new HashSet<>();
		String after = this.lastEventId;
		List<Live> batch = (after != null) ? this.replay.apply(after) : List.of();
		while (!batch.isEmpty() && !this.closed.get()) {
			for (Live item : batch) {
				this.sink.send(item.frame());
				sent.add(item.id());
			}
			after = batch.getLast().id();
			batch = this.replay.apply(after);
		}
		return sent;
	}

	private void forwardLive(Set<String> replayed) throws IOException, InterruptedException {
		Instant nextHeartbeat = Instant.now().plus(this.heartbeat);
		while (!this.closed.get()) {
			Instant now = Instant.now();
			if (!now.isBefore(this.closesAt)) {
				return;
			}
			if (!now.isBefore(nextHeartbeat)) {
				this.sink.send(SseFrames.heartbeat());
				nextHeartbeat = now.plus(this.heartbeat);
			}
			Instant wakeUp = nextHeartbeat.isBefore(this.closesAt) ? nextHeartbeat : this.closesAt;
			Live next = this.queue.poll(Math.max(1, Duration.between(now, wakeUp).toMillis()), TimeUnit.MILLISECONDS);
			if (next == STOP) {
				return;
			}
			if (next != null && !replayed.remove(next.id())) {
				this.sink.send(next.frame());
			}
		}
	}

}
