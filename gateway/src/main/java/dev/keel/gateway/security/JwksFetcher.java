package dev.keel.gateway.security;

import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.JWKSet;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Fetches auth-service's public signing keys without blocking: through the load balancer
 * (the host of the URL is a service id), like the routes, or from a plain URL.
 */
class JwksFetcher {

	/**
	 * Long enough for a busy auth-service, short enough to answer the waiting request.
	 */
	static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final WebClient client;

	private final URI uri;

	JwksFetcher(WebClient client, URI uri) {
		this.client = client;
		this.uri = uri;
	}

	// Without an observation registry: its client metrics would clash in Prometheus with
	// the gateway's own http.client.requests, which carry other tags.
	static JwksFetcher create(EdgeSecuritySettings settings,
			Supplier<LoadBalancedExchangeFilterFunction> loadBalancer) {
		WebClient.Builder client = WebClient.builder();
		if (settings.loadBalanced()) {
			client.filter(loadBalancer.get());
		}
		return new JwksFetcher(client.build(), settings.jwkSetUri());
	}

	URI uri() {
		return this.uri;
	}

	Mono<JWKSet> fetch() {
		return this.client.get()
			.uri(this.uri)
			.accept(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/jwk-set+json"))
			.retrieve()
			.bodyToMono(String.class)
			.timeout(TIMEOUT)
			.<JWKSet>handle((body, sink) -> {
				try {
					sink.next(JWKSet.parse(body));
				}
				catch (ParseException ex) {
					sink.error(new IllegalStateException("Not a JWK set: " + ex.getMessage(), ex));
				}
			});
	}

}
