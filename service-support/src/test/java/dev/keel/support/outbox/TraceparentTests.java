package dev.keel.support.outbox;

import brave.Tracing;
import brave.sampler.Sampler;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceparentTests {

	@Test
	void isTheCurrentSpansW3cHeader() {
		try (Tracing tracing = tracing(true)) {
			Tracer tracer = tracer(tracing);
			Span span = tracer.nextSpan().start();
			Tracer.SpanInScope scope = tracer.withSpan(span);
			try {
				assertThat(Traceparent.current(tracer))
					.isEqualTo("00-" + span.context().traceId() + "-" + span.context().spanId() + "-01")
					.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
			}
			finally {
				scope.close();
			}
		}
	}

	@Test
	void widensA64BitTraceId() {
		try (Tracing tracing = tracing(false)) {
			Tracer tracer = tracer(tracing);
			Span span = tracer.nextSpan().start();
			Tracer.SpanInScope scope = tracer.withSpan(span);
			try {
				assertThat(Traceparent.current(tracer)).startsWith("00-0000000000000000" + span.context().traceId());
			}
			finally {
				scope.close();
			}
		}
	}

	@Test
	void isNullWithoutASpanOrATracer() {
		try (Tracing tracing = tracing(true)) {
			assertThat(Traceparent.current(tracer(tracing))).isNull();
		}
		assertThat(Traceparent.current(null)).isNull();
		assertThat(Traceparent.current(Tracer.NOOP)).isNull();
	}

	private static Tracing tracing(boolean traceId128Bit) {
		return Tracing.newBuilder().traceId128Bit(traceId128Bit).sampler(Sampler.ALWAYS_SAMPLE).build();
	}

	private static Tracer tracer(Tracing tracing) {
		return new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext()));
	}

}
