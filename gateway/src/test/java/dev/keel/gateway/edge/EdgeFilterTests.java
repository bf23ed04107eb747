package dev.keel.gateway.edge;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The edge filters' settings, which the shared gateway of the integration tests leaves at
 * their defaults.
 */
@ExtendWith(OutputCaptureExtension.class)
class EdgeFilterTests {

	private static final WebFilterChain ANSWER = (exchange) -> exchange.getResponse().setComplete();

	@Test
	void hstsIsSentOverHttps() {
		MockServerHttpRequest request = MockServerHttpRequest.get("https://keel.example/api/data/things")
			.sslInfo(mock(SslInfo.class))
			.build();
		assertThat(
				answer(new SecurityHeadersFilter(settings(false, true)), request).getFirst("Strict-Transport-Security"))
			.isEqualTo("max-age=31536000");
	}

	@Test
	void hstsIsSentOverHttpWhenTlsEndsAtAProxy() {
		MockServerHttpRequest request = MockServerHttpRequest.get("/api/data/things").build();
		assertThat(
				answer(new SecurityHeadersFilter(settings(true, true)), request).getFirst("Strict-Transport-Security"))
			.isEqualTo("max-age=31536000");
		assertThat(answer(new SecurityHeadersFilter(settings(false, true)), request)
			.containsHeader("Strict-Transport-Security")).isFalse();
	}

	@Test
	void accessLogCanBeSwitchedOff(CapturedOutput output) {
		answer(new AccessLogFilter(settings(false, false), timers()),
				MockServerHttpRequest.get("/api/switched-off").build());
		answer(new AccessLogFilter(settings(false, true), timers()),
				MockServerHttpRequest.get("/api/switched-on").build());
		assertThat(output.getOut()).contains("/api/switched-on").doesNotContain("/api/switched-off");
	}

	@Test
	void requestsAreTimedWithTheAccessLogSwitchedOff() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		AccessLogFilter filter = new AccessLogFilter(settings(false, false), new RequestTimers(meters));
		WebFilterChain ok = (exchange) -> {
			exchange.getResponse().setStatusCode(HttpStatus.OK);
			return exchange.getResponse().setComplete();
		};
		filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/data/things")), ok).block();
		filter.filter(MockServerWebExchange.from(MockServerHttpRequest.post("/api/data/things")), ok).block();
		Timer gets = meters.get(RequestTimers.METRIC)
			.tags("route", "none", "method", "GET", "status", "200", "outcome", "SUCCESS")
			.timer();
		assertThat(gets.count()).isEqualTo(1);
		assertThat(meters.get(RequestTimers.METRIC).tag("method", "POST").timer().count()).isEqualTo(1);
	}

	@Test
	void methodsHttpDoesNotDefineShareOneTimerSoClientsCannotGrowTheMetrics() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		AccessLogFilter filter = new AccessLogFilter(settings(false, false), new RequestTimers(meters));
		WebFilterChain notAllowed = (exchange) -> {
			exchange.getResponse().setStatusCode(HttpStatus.METHOD_NOT_ALLOWED);
			return exchange.getResponse().setComplete();
		};
		for (int i = 0; i < 50; i++) {
			filter
				.filter(MockServerWebExchange
					.from(MockServerHttpRequest.method(HttpMethod.valueOf("X" + i), "/api/data/things")), notAllowed)
				.block();
		}
		assertThat(meters.find(RequestTimers.METRIC).timers()).hasSize(1);
		assertThat(meters.get(RequestTimers.METRIC).tag("method", "OTHER").timer().count()).isEqualTo(50);
	}

	private static RequestTimers timers() {
		return new RequestTimers(new SimpleMeterRegistry());
	}

	private static HttpHeaders answer(WebFilter filter, MockServerHttpRequest request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		filter.filter(exchange, ANSWER).block(Duration.ofSeconds(5));
		return exchange.getResponse().getHeaders();
	}

	private static EdgeSettings settings(boolean hsts, boolean accessLog) {
		return new EdgeSettings(DataSize.ofMegabytes(1), new EdgeSettings.Cors(List.of(), Duration.ofMinutes(10)),
				new EdgeSettings.SecurityHeaders(hsts), new EdgeSettings.AccessLog(accessLog));
	}

}
