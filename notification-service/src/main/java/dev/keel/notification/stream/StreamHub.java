package dev.keel.notification.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The streams open on this instance, by user. A user holds at most
 * {@code max-connections-per-user} of them; a new one closes the oldest.
 * <p>
 * Streams never end by themselves, and graceful shutdown waits for every request in
 * flight: so when the application stops, this closes every stream (clients reconnect to
 * another instance) before the web server's graceful shutdown begins, and refuses new
 * ones.
 */
@Component
class StreamHub implements SmartLifecycle {

	private final ConcurrentMap<String, List<StreamConnection>> byUser = new ConcurrentHashMap<>();

	private final int maxPerUser;

	private volatile boolean running;

	StreamHub(StreamProperties properties, MeterRegistry meters) {
		this.maxPerUser = Math.max(1, properties.maxConnectionsPerUser());
		Gauge.builder("keel.notification.stream.connections", this, StreamHub::size)
			.description("Live notification streams open on this instance")
			.register(meters);
	}

	/**
	 * Adds a stream, closing the user's oldest when there are too many.
	 * @return false when the instance is stopping: the stream was closed
	 */
	boolean register(StreamConnection connection) {
		connection.onClose(() -> unregister(connection));
		List<StreamConnection> evicted = new ArrayList<>();
		this.byUser.compute(connection.userId(), (user, current) -> {
			List<StreamConnection> next = new ArrayList<>((current != null) ? current : List.of());
			while (next.size() >= this.maxPerUser) {
				evicted.add(next.removeFirst());
			}
			next.add(connection);
			return List.copyOf(next);
		});
		evicted.forEach(StreamConnection::close);
		if (!this.running || connection.isClosed()) {
			// Stopped meanwhile, or closed before its close could unregister it.
			connection.close();
			unregister(connection);
			return this.running;
		}
		return true;
	}

	/** Queues the item on each of the user's streams here; never blocks. */
	void deliver(String userId, Live item) {
		for (StreamConnection connection : this.byUser.getOrDefault(userId, List.of())) {
			connection.offer(item);
		}
	}

	/** Closes every stream the user holds here. */
	void closeAll(String userId) {
		this.byUser.getOrDefault(userId, List.of()).forEach(StreamConnection::close);
	}

	boolean hasStreams(String userId) {
		return this.byUser.containsKey(userId);
	}

	int size() {
		return this.byUser.values().stream().mapToInt(List::size).sum();
	}

	private void unregister(StreamConnection connection) {
		this.byUser.computeIfPresent(connection.userId(), (user, current) -> {
			List<StreamConnection> next = current.stream().filter((open) -> open != connection).toList();
			return next.isEmpty() ? null : next;
		});
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.byUser.values().forEach((connections) -> connections.forEach(StreamConnection::close));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops just before the web server's graceful shutdown, which would wait for us. */
	@Override
	public int getPhase() {
		return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
	}

}
