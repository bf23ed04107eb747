package dev.keel.support.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * The W3C {@code traceparent} of the current span, for the envelope of an event that the
 * outbox publishes later, on another thread, where the request's trace is no longer
 * current. Consumers continue that trace from the record's {@code traceparent} header.
 */
public final class Traceparent {

	private Traceparent() {
	}

	/**
	 * The {@code traceparent} of the span current on this thread.
	 * @param tracer the tracer, or {@code null} when tracing is off
	 * @return the header value, or {@code null} when there is no current span
	 */
	public static String current(Tracer tracer) {
		Span span = (tracer != null) ? tracer.currentSpan() : null;
		return (span != null) ? of(span.context()) : null;
	}

	/**
	 * Formats a trace context as a version-00 {@code traceparent}.
	 * @param context the trace context
	 * @return the header value, or {@code null} if the context has no ids (a no-op
	 * tracer's)
	 */
	public static String of(TraceContext context) {
		String traceId = context.traceId();
		String spanId = context.spanId();
		if (traceId == null || traceId.isEmpty() || spanId == null || spanId.isEmpty()) {
			return null;
		}
		String flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
		return "00-" + leftPad(traceId, 32) + "-" + leftPad(spanId, 16) + "-" + flags;
	}

	/** 64-bit trace ids are widened to the 128 bits the header requires. */
	private static String leftPad(String hex, int length) {
		return (hex.length() >= length) ? hex : "0".repeat(length - hex.length()) + hex;
	}

}
