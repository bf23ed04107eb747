package dev.keel.bench.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keel.cli.platform.Kind;
import dev.keel.cli.platform.RunState.Running;

import static org.assertj.core.api.Assertions.assertThat;

class BenchHeaderTests {

	private static final GatewayBenchSettings SETTINGS = new GatewayBenchSettings("/api/notifications/unread-count",
			Duration.ofSeconds(15), Duration.ofSeconds(3), Duration.ofSeconds(20), 2, 32, 0, Duration.ofSeconds(30),
			"admin@keel.local", "pw");

	private static final Running SERVICE = new Running("notification-service", Kind.SERVICE, "notification-service",
			4242, 38083, 39083, "n.log");

	@Test
	void saysWhatIsMeasuredOnEachRouteAndWithWhichLoad() {
		List<String> lines = header(
				Map.of(Route.DIRECT, URI.create("http://127.0.0.1:38083/x"), Route.NGINX,
						URI.create("http://127.0.0.1:41000/x"), Route.GATEWAY, URI.create("http://127.0.0.1:38080/x")),
				1);
		assertThat(lines.getFirst()).contains("GET /api/notifications/unread-count", "notification-service",
				"admin@keel.local");
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("direct", "38083", "pid 4242"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("nginx", "nginx/1.22.1", "reverse proxy"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("2 threads, 32 connections",
				"20 s first warm-up of every route before measuring", "3 s warm-up + 15 s per run"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("2 CPUs"));
	}

	@Test
	void saysHowToInstallAMissingNginx() {
		assertThat(header(Map.of(Route.DIRECT, URI.create("http://127.0.0.1:38083/x")), 1))
			.anySatisfy((line) -> assertThat(line).contains("nginx is not installed", "apt-get install nginx"));
	}

	@Test
	void warnsOfSeveralInstances() {
		List<String> lines = header(Map.of(Route.DIRECT, URI.create("http://127.0.0.1:38083/x")), 2);
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("2 instances of notification-service"));
	}

	private static List<String> header(Map<Route, URI> urls, int instances) {
		GatewayTargets targets = new GatewayTargets(URI.create("http://127.0.0.1:38080"), "notification-service",
				SERVICE, instances, List.of(), Map.of());
		return new BenchHeader(SETTINGS, targets, urls, "nginx version: nginx/1.22.1", "wrk 4.1.0", 2).lines();
	}

}
