package dev.keel.gateway.error;

import java.util.List;

import dev.keel.gateway.config.GatewaySettings;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a {@link Failure} to the client as {@code application/problem+json}, with
 * {@code Retry-After} when the service is down. Writing directly, rather than returning a
 * body for content negotiation, means that a client's {@code Accept} header cannot turn
 * an error into a 406.
 */
@Component
public class ProblemResponder {

	private final ServerResponse.Context context;

	private final GatewaySettings settings;

	ProblemResponder(ServerCodecConfigurer codecs, GatewaySettings settings) {
		this.context = new WritersOnly(codecs.getWriters());
		this.settings = settings;
	}

	/**
	 * Answers the exchange with the failure.
	 * @param exchange the exchange
	 * @param failure what went wrong
	 * @param headers extra headers, such as {@code Allow} for a 405
	 * @return completes when the response is written
	 */
	public Mono<Void> respond(ServerWebExchange exchange, Failure failure, HttpHeaders headers) {
		return ServerResponse.status(failure.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.headers((target) -> {
				target.addAll(headers);
				if (failure.isServiceOutage()) {
					target.set(HttpHeaders.RETRY_AFTER, this.settings.retryAfterSeconds());
				}
			})
			.bodyValue(Problems.of(failure, exchange))
			.flatMap((response) -> response.writeTo(exchange, this.context));
	}

	private record WritersOnly(List<HttpMessageWriter<?>> messageWriters) implements ServerResponse.Context {

		@Override
		public List<ViewResolver> viewResolvers() {
			return List.of();
		}

	}

}
