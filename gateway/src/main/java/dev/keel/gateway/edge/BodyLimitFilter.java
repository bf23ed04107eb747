package dev.keel.gateway.edge;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.keel.gateway.error.Failure;
import dev.keel.gateway.error.ProblemResponder;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses request bodies over {@link EdgeSettings#maxBodySize()} with 413 problem+json
 * {@code payload_too_large}. A declared {@code Content-Length} over the limit is refused
 * before anything is read or routed. A body of unknown length (chunked) is counted while
 * it streams to the service and cut off at the limit: the
 * {@link DataBufferLimitException} ends the call, and the client gets the 413 unless the
 * service has already started answering. Bodies on {@link StreamingPaths} are not limited
 * here: their service applies its own limits.
 */
@Component
class BodyLimitFilter implements WebFilter, Ordered {

	/** After CORS, so that a preflight is answered without a look at the body. */
	static final int ORDER = CrossOriginFilter.ORDER + 1;

	private final long maxBytes;

	private final ProblemResponder responder;

	private final StreamingPaths streaming;

	BodyLimitFilter(EdgeSettings settings, ProblemResponder responder, StreamingPaths streaming) {
		this.maxBytes = settings.maxBodySize().toBytes();
		this.responder = responder;
		this.streaming = streaming;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long declared = request.getHeaders().getContentLength();
		if (declared >= 0 && declared <= this.maxBytes
				|| declared < 0 && !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			// The length is known and within the limit, or there is no body at all: the
			// common case, decided without matching the path.
			return chain.filter(exchange);
		}
		if (this.streaming.contains(request)) {
			return chain.filter(exchange);
		}
		if (declared > this.maxBytes) {
			return this.responder.respond(exchange, tooLarge(), HttpHeaders.EMPTY);
		}
		return chain.filter(exchange.mutate().request(new LimitedBody(request, this.maxBytes)).build());
	}

	private Failure tooLarge() {
		return new Failure(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
				"The request body is larger than the limit of " + this.maxBytes + " bytes.");
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	/** A request whose body fails once it has passed the limit. */
	private static final class LimitedBody extends ServerHttpRequestDecorator {

		private final long maxBytes;

		LimitedBody(ServerHttpRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.defer(() -> {
				long[] seen = { 0 };
				return super.getBody().handle((buffer, sink) -> {
					seen[0] += buffer.readableByteCount();
					if (seen[0] > this.maxBytes) {
						DataBufferUtils.release(buffer);
						sink.error(new DataBufferLimitException(
								"Request body exceeds the limit of " + this.maxBytes + " bytes"));
					}
					else {
						sink.next(buffer);
					}
				});
			});
		}

	}

}
