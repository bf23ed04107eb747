package dev.keel.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * Buckets kept in Redis under {@code keel:rl:<limit>:<client>}, so that every gateway
 * instance draws from the same ones. Fails fast instead of waiting: commands time out
 * after the configured timeout, and a lost connection is not re-established behind the
 * caller's back but by {@link #connect()}, which {@link RedisLimiter} calls every
 * {@code retry-interval}.
 */
final class RedisBuckets implements AutoCloseable {

	private static final String KEY_PREFIX = "keel:rl:";

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

	private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	// A bucket outlives its refill by this much, then Redis drops it.
	private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);

	private final RedisURI uri;

	private final RedisClient client;

	private final Duration timeout;

	private volatile Connected connected;

	RedisBuckets(RateLimitSettings.Redis settings) {
		this.uri = RedisURI.create(settings.url());
		this.uri.setTimeout(settings.timeout());
		this.timeout = settings.timeout();
		this.client = RedisClient.create(this.uri);
		this.client.setOptions(ClientOptions.builder()
			.autoReconnect(false)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
			.timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
			.build());
	}

	/**
	 * Where the buckets are, without credentials, for logs and health details.
	 * @return {@code host:port}
	 */
	String address() {
		return this.uri.getHost() + ":" + this.uri.getPort();
	}

	/**
	 * The longest a {@link #connect()} may take.
	 * @return the connect timeout plus one command
	 */
	Duration connectTimeout() {
		return CONNECT_TIMEOUT.plus(this.timeout);
	}

	boolean isConnected() {
		Connected current = this.connected;
		return current != null && current.connection().isOpen();
	}

	CompletableFuture<ConsumptionProbe> tryConsume(Quota quota) {
		Connected current = this.connected;
		if (current == null || !current.connection().isOpen()) {
			return CompletableFuture.failedFuture(new RedisConnectionException("Not connected to " + address()));
		}
		return current.buckets()
			.builder()
			.build(KEY_PREFIX + quota.key(), () -> CompletableFuture.completedFuture(quota.bucket()))
			.tryConsumeAndReturnRemaining(1);
	}

	/**
	 * Connects again if the connection is gone, then checks that Redis answers.
	 * @return completes when Redis answered a {@code PING}
	 */
	CompletableFuture<Void> connect() {
		Connected current = this.connected;
		CompletionStage<StatefulRedisConnection<String, byte[]>> connection;
		if (current != null && current.connection().isOpen()) {
			connection = CompletableFuture.completedFuture(current.connection());
		}
		else {
			if (current != null) {
				current.connection().closeAsync();
			}
			connection = this.client.connectAsync(CODEC, this.uri).thenApply(this::use);
		}
		return connection.thenCompose((open) -> open.async().ping()).thenAccept((pong) -> {
		}).toCompletableFuture();
	}

	private StatefulRedisConnection<String, byte[]> use(StatefulRedisConnection<String, byte[]> connection) {
		AsyncProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(connection)
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
			.requestTimeout(this.timeout)
			.build()
			.asAsync();
		this.connected = new Connected(connection, buckets);
		return connection;
	}

	@Override
	public void close() {
		Connected current = this.connected;
		if (current != null) {
			current.connection().close();
		}
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

	private record Connected(StatefulRedisConnection<String, byte[]> connection, AsyncProxyManager<String> buckets) {
	}

}
