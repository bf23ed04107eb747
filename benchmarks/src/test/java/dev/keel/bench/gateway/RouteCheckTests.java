package dev.keel.bench.gateway;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.keel.bench.BenchAbort;
import dev.keel.bench.gateway.RouteCheck.Answer;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RouteCheckTests {

	private static final URI URL = URI.create("http://127.0.0.1:41234/api/notifications/unread-count");

	@Test
	void aRouteWhoseFirstAnswersWereAll200IsMeasured() {
		assertThatNoException().isThrownBy(() -> RouteCheck.firstAnswers(Route.GATEWAY_NO_VALIDATION, URL,
				new WrkRun(9000, 900, 4000, 180_000, 0, 0), new Answer(200, "")));
	}

	@Test
	void aRateLimitedRouteStopsTheBenchmarkAndSaysHowToStartThePlatform() {
		assertThatExceptionOfType(BenchAbort.class)
			.isThrownBy(() -> RouteCheck.firstAnswers(Route.GATEWAY_NO_VALIDATION, URL,
					new WrkRun(9000, 900, 4000, 180_000, 179_400, 0), new Answer(429, "{\"code\":\"rate_limited\"}")))
			.withMessageContaining("gateway (no validation)")
			.withMessageContaining("179,400 were not 200")
			.withMessageContaining("HTTP 429")
			.withMessageContaining("KEEL_RATE_LIMITS_ENABLED=false ./keel run --detach");
	}

	@Test
	void aFailingServiceStopsTheBenchmarkAndPointsToTheLogs() {
		assertThatExceptionOfType(BenchAbort.class)
			.isThrownBy(() -> RouteCheck.firstAnswers(Route.GATEWAY, URL, new WrkRun(500, 900, 4000, 10_000, 12, 0),
					new Answer(503, "")))
			.withMessageContaining("HTTP 503")
			.withMessageContaining("./keel logs");
	}

	@Test
	void aRouteThatAnsweredNothingStopsTheBenchmark() {
		assertThatExceptionOfType(BenchAbort.class)
			.isThrownBy(() -> RouteCheck.firstAnswers(Route.NGINX, URL, new WrkRun(0, 0, 0, 0, 0, 64),
					new Answer(-1, "java.net.ConnectException")))
			.withMessageContaining("64 socket errors")
			.withMessageContaining("no answer");
	}

	@Test
	void aForbiddenPathAsksForAnotherPathOrUser() {
		assertThatExceptionOfType(BenchAbort.class)
			.isThrownBy(() -> RouteCheck.firstAnswers(Route.DIRECT, URL, new WrkRun(9000, 900, 4000, 5000, 5000, 0),
					new Answer(403, "")))
			.withMessageContaining("--path");
	}

}
