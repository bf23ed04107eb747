package dev.keel.gateway.account;

import java.net.ConnectException;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import dev.keel.gateway.account.AuthReply.Accepted;
import dev.keel.gateway.account.AuthReply.ApiProblem;
import dev.keel.gateway.account.AuthReply.Busy;
import dev.keel.gateway.account.AuthReply.Rejected;
import dev.keel.gateway.account.AuthReply.Unavailable;
import dev.keel.gateway.request.RequestIds;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Calls auth-service's recovery endpoints (API.md §2) for the account pages: through the
 * load balancer, like the routes, never through the gateway's own port. Whatever goes
 * wrong on the way becomes an {@link AuthReply}, never an exception.
 */
@Component
class AuthClient {

	private static final Logger logger = LoggerFactory.getLogger(AuthClient.class);

	// The service id that the load balancer resolves through discovery.
	private static final String AUTH_SERVICE = "http://auth-service";

	private final WebClient client;

	private final AccountPageSettings settings;

	// The filter rather than a @LoadBalanced WebClient.Builder bean, which would make
	// every WebClient in the gateway resolve its host names as service ids.
	AuthClient(LoadBalancedExchangeFilterFunction loadBalancer, ObjectProvider<ObservationRegistry> observations,
			AccountPageSettings settings) {
		this.client = WebClient.builder()
			.baseUrl(AUTH_SERVICE)
			.filter(loadBalancer)
			.observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
			.build();
		this.settings = settings;
	}

	Mono<AuthReply> verifyEmail(String token, @Nullable String requestId) {
		return post("/api/auth/email/verify", Map.of("token", token), requestId);
	}

	Mono<AuthReply> resetPassword(String token, String newPassword, @Nullable String requestId) {
		return post("/api/auth/password/reset", Map.of("token", token, "newPassword", newPassword), requestId);
	}

	Mono<AuthReply> forgotPassword(String email, @Nullable String requestId) {
		return post("/api/auth/password/forgot", Map.of("email", email), requestId);
	}

	private Mono<AuthReply> post(String path, Map<String, String> body, @Nullable String requestId) {
		return this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
			.headers((headers) -> {
				if (requestId != null) {
					headers.set(RequestIds.HEADER, requestId);
				}
			})
			.bodyValue(body)
			.exchangeToMono(AuthClient::reply)
			// A refused connection never reached the service, so even a POST may go
			// to the next instance: the load balancer picks again on each attempt.
			.retryWhen(Retry.max(2).filter(AuthClient::refused))
			.timeout(this.settings.timeout())
			.onErrorResume((ex) -> {
				logger.warn("POST {} on auth-service failed: {}", path, ex.toString());
				return Mono.just(new Unavailable());
			});
	}

	private static Mono<AuthReply> reply(ClientResponse response) {
		HttpStatusCode status = response.statusCode();
		if (status.is2xxSuccessful()) {
			return response.releaseBody().thenReturn(new Accepted());
		}
		if (status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
			String retryAfter = response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER);
			return response.releaseBody().thenReturn(new Busy(retryAfter));
		}
		if (status.is4xxClientError()) {
			return response.bodyToMono(ApiProblem.class)
				.onErrorReturn(ApiProblem.NONE)
				.defaultIfEmpty(ApiProblem.NONE)
				.map((problem) -> new Rejected(status, problem));
		}
		// Includes the load balancer's own 503 when no instance is registered.
		logger.warn("auth-service answered {} to an account page", status.value());
		return response.releaseBody().thenReturn(new Unavailable());
	}

	private static boolean refused(Throwable ex) {
		return ex instanceof WebClientRequestException && ex.getCause() instanceof ConnectException;
	}

}
