package dev.keel.notification.stream;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.JwksServer;
import dev.keel.testing.TestTokens;
import dev.keel.notification.NotificationServiceApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole application, stopped while a client holds a stream open: graceful shutdown
 * waits for requests in flight, and a stream never ends by itself, so without closing the
 * streams first the stop would take the full shutdown timeout.
 */
@ExtendWith(EmbeddedInfrastructure.class)
class StreamShutdownIntegrationTests {

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

	static final TestTokens tokens = TestTokens.create();

	static final JwksServer jwks = JwksServer.start(tokens);

	@AfterAll
	static void stopJwks() {
		jwks.close();
	}

	@Test
	void anOpenStreamDoesNotHoldUpGracefulShutdown() {
		ConfigurableApplicationContext application = new SpringApplicationBuilder(NotificationServiceApplication.class)
			.run("--server.port=0", "--management.server.port=0", "--eureka.client.enabled=false",
					"--spring.mongodb.database=notification_shutdown_tests",
					"--spring.kafka.consumer.group-id=notification-shutdown-tests",
					"--spring.lifecycle.timeout-per-shutdown-phase=" + SHUTDOWN_TIMEOUT.toSeconds() + "s",
					"--keel.security.jwk-set-uri=" + jwks.uri(), "--keel.security.load-balanced=false",
					"--keel.security.issuer=" + tokens.issuer());
		int port = ((WebServerApplicationContext) application).getWebServer().getPort();
		try (EventStream stream = EventStream.withToken(port, tokens.token("user-1"), Map.of())) {
			assertThat(stream.next(Duration.ofSeconds(10))).isNotNull();

			long started = System.nanoTime();
			application.close();
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(took).isLessThan(SHUTDOWN_TIMEOUT.dividedBy(2));
			assertThat(stream.ended(Duration.ofSeconds(1))).isTrue();
		}
		finally {
			application.close();
		}
	}

}
