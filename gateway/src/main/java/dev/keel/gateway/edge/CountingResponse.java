package dev.keel.gateway.edge;

import java.util.concurrent.atomic.AtomicLong;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

/**
 * A response that counts the body bytes written through it, streamed or not.
 */
final class CountingResponse extends ServerHttpResponseDecorator {

	private final AtomicLong bytes = new AtomicLong();

	CountingResponse(ServerHttpResponse delegate) {
		super(delegate);
	}

	long bytes() {
		return this.bytes.get();
	}

	@Override
	public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
		// A single buffer stays a Mono: the server writes that without a send operator.
		Publisher<? extends DataBuffer> counted = (body instanceof Mono<? extends DataBuffer> single)
				? single.doOnNext(this::count) : Flux.from(body).doOnNext(this::count);
		return super.writeWith(counted);
	}

	@Override
	public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		return super.writeAndFlushWith(Flux.from(body).map((part) -> Flux.from(part).doOnNext(this::count)));
	}

	private void count(DataBuffer buffer) {
		this.bytes.addAndGet(buffer.readableByteCount());
	}

}
