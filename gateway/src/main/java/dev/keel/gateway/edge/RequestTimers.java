package dev.keel.gateway.edge;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code keel.gateway.requests}: one timer sample per client request, tagged with its
 * route, method, status and outcome, recorded when the access log line is written. It
 * stands in for the server observation's {@code http.server.requests}, which only sampled
 * requests get: the timers are found once per tag combination and cost a map lookup
 * afterwards.
 */
@Component
class RequestTimers {

	static final String METRIC = "keel.gateway.requests";

	private static final String NO_ROUTE = "none";

	/**
	 * The tag of a method HTTP does not define: clients choose method names freely, and a
	 * tag per name would let them grow the metrics without bound.
	 */
	static final String OTHER_METHOD = "OTHER";

	private static final Set<String> KNOWN_METHODS = Arrays.stream(HttpMethod.values())
		.map(HttpMethod::name)
		.collect(Collectors.toUnmodifiableSet());

	private final MeterRegistry meters;

	private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

	RequestTimers(MeterRegistry meters) {
		this.meters = meters;
	}

	void record(ServerWebExchange exchange, long nanos) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		String method = exchange.getRequest().getMethod().name();
		Key key = new Key((route != null) ? route.getId() : NO_ROUTE,
				KNOWN_METHODS.contains(method) ? method : OTHER_METHOD, (status != null) ? status.value() : 0);
		this.timers.computeIfAbsent(key, this::timer).record(Duration.ofNanos(nanos));
	}

	private Timer timer(Key key) {
		return Timer.builder(METRIC)
			.description("Client requests answered by the gateway, by route")
			.tag("route", key.route())
			.tag("method", key.method())
			.tag("status", (key.status() != 0) ? Integer.toString(key.status()) : "UNKNOWN")
			.tag("outcome", outcome(key.status()))
			.register(this.meters);
	}

	private static String outcome(int status) {
		return switch (status / 100) {
			case 1 -> "INFORMATIONAL";
			case 2 -> "SUCCESS";
			case 3 -> "REDIRECTION";
			case 4 -> "CLIENT_ERROR";
			case 5 -> "SERVER_ERROR";
			default -> "UNKNOWN";
		};
	}

	private record Key(String route, String method, int status) {
	}

}
