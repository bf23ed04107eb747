package dev.keel.support.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Finds the id that ties a response to its logs: the current trace id, or the request id
 * when tracing is off.
 */
public class TraceIds {

	private final ObjectProvider<Tracer> tracer;

	public TraceIds(ObjectProvider<Tracer> tracer) {
		this.tracer = tracer;
	}

	public String current(HttpServletRequest request) {
		Tracer current = this.tracer.getIfAvailable();
		Span span = (current != null) ? current.currentSpan() : null;
		if (span != null) {
			return span.context().traceId();
		}
		Object requestId = (request != null) ? request.getAttribute(RequestIdFilter.ATTRIBUTE) : null;
		return (requestId != null) ? requestId.toString() : null;
	}

}
