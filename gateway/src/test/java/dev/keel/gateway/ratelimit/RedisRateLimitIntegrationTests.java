package dev.keel.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.keel.gateway.Backend;
import dev.keel.gateway.GatewayApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway instances sharing their buckets through a real redis-server, told as one
 * outage story, in order: an instance that starts while Redis is down, Redis coming back,
 * and Redis dying under traffic. Each test uses its own client IP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class RedisRateLimitIntegrationTests {

	private static final Backend data = Backend.start("data");

	private static RedisServer redis;

	private static Gateway first;

	private static Gateway second;

	@BeforeAll
	static void start() {
		redis = RedisServer.startOrSkip();
		first = Gateway.start(redis);
		redis.stop();
		second = Gateway.start(redis);
	}

	@AfterAll
	static void stop() {
		for (AutoCloseable closeable : new AutoCloseable[] { first, second, redis }) {
			try {
				if (closeable != null) {
					closeable.close();
				}
			}
			catch (Exception ex) {
				// Keep closing the others.
			}
		}
	}

	@Test
	@Order(1)
	void instanceStartedWhileRedisIsDownLimitsOnItsOwnAndIsReady() {
		assertThat(second.redisAvailable()).isZero();
		second.assertReadyWithLocalLimiter();
		WebTestClient client = second.client("127.0.0.61");
		for (int remaining = 3; remaining >= 0; remaining--) {
			client.get()
				.uri("/api/data/things")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("RateLimit-Remaining", Integer.toString(remaining));
		}
		client.get().uri("/api/data/things").exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	@Order(2)
	void onceRedisIsBackBothInstancesShareOneLimit(CapturedOutput output) {
		redis.start();
		awaitRedis(1);
		assertThat(output.getOut()).contains("Redis at 127.0.0.1:" + redis.port() + " is reachable again");
		second.health().jsonPath("$.components.rateLimits.details.limiter").isEqualTo("redis");

		List<Gateway> alternating = List.of(first, second, first, second);
		for (int i = 0; i < alternating.size(); i++) {
			alternating.get(i)
				.client("127.0.0.62")
				.get()
				.uri("/api/data/things")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("RateLimit-Limit", "4")
				.expectHeader()
				.valueEquals("RateLimit-Remaining", Integer.toString(3 - i));
		}
		for (Gateway gateway : List.of(first, second)) {
			gateway.client("127.0.0.62")
				.get()
				.uri("/api/data/things")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
				.expectHeader()
				.exists("Retry-After")
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("rate_limited");
		}
	}

	@Test
	@Order(3)
	void withRedisKilledUnderTrafficTheGatewayStillLimitsAndStaysReady(CapturedOutput output)
			throws InterruptedException {
		WebTestClient client = first.client("127.0.0.63");
		client.get().uri("/api/data/things").exchange().expectHeader().valueEquals("RateLimit-Remaining", "3");
		int logged = output.getOut().length();

		redis.stop();
		// The local bucket takes over at once: a fresh one, since Redis held the old.
		long started = System.nanoTime();
		for (int remaining = 3; remaining >= 0; remaining--) {
			client.get()
				.uri("/api/data/things")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("RateLimit-Remaining", Integer.toString(remaining));
		}
		for (int refused = 0; refused < 3; refused++) {
			client.get().uri("/api/data/things").exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

		assertThat(first.redisAvailable()).isZero();
		first.assertReadyWithLocalLimiter();
		String warning = "Redis at 127.0.0.1:" + redis.port() + " is unreachable";
		// Both instances notice, the idle one through its periodic check; once each.
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(count(output.getOut().substring(logged), warning))
				.as("one warning per instance and outage")
				.isEqualTo(2));
		Thread.sleep(500);
		assertThat(count(output.getOut().substring(logged), warning)).isEqualTo(2);
	}

	private static void awaitRedis(int available) {
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(List.of(first.redisAvailable(), second.redisAvailable()))
				.containsOnly((double) available));
	}

	private static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	/**
	 * One gateway instance, with its own ports, in front of {@code data}.
	 */
	private record Gateway(ConfigurableApplicationContext context, int port,
			int managementPort) implements AutoCloseable {

		private static final Pattern GAUGE = Pattern
			.compile("(?m)^keel_gateway_ratelimit_redis_available(?:\\{[^}]*})? (\\S+)$");

		static Gateway start(RedisServer redis) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class).run(
					"--server.port=0", "--management.server.port=0", "--eureka.client.enabled=false",
					"--spring.cloud.discovery.client.simple.instances.data-service[0].uri=" + data.uri(),
					"--keel.gateway.rate-limits.anonymous=4/1m", "--keel.gateway.rate-limits.redis.url=" + redis.url(),
					"--keel.gateway.rate-limits.redis.retry-interval=200ms");
			return new Gateway(context, port(context, "local.server.port"), port(context, "local.management.port"));
		}

		private static int port(ConfigurableApplicationContext context, String property) {
			return context.getEnvironment().getRequiredProperty(property, Integer.class);
		}

		WebTestClient client(String ip) {
			return Clients.from(ip, this.port);
		}

		WebTestClient management() {
			return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.managementPort).build();
		}

		double redisAvailable() {
			String metrics = management().get()
				.uri("/actuator/prometheus")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			Matcher gauge = GAUGE.matcher(metrics);
			assertThat(gauge.find()).as("the keel.gateway.ratelimit.redis.available gauge").isTrue();
			return Double.parseDouble(gauge.group(1));
		}

		WebTestClient.BodyContentSpec health() {
			return management().get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody();
		}

		void assertReadyWithLocalLimiter() {
			management().get()
				.uri("/actuator/health/readiness")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP");
			health().jsonPath("$.status")
				.isEqualTo("UP")
				.jsonPath("$.components.rateLimits.status")
				.isEqualTo("UP")
				.jsonPath("$.components.rateLimits.details.limiter")
				.isEqualTo("local (fallback: Redis is unreachable)")
				.jsonPath("$.components.rateLimits.details.redis")
				.isEqualTo("unavailable at 127.0.0.1:" + redis.port());
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

}
