package dev.keel.gateway.request;

import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * Decides at the door which requests are observed: a request whose {@code traceparent}
 * says its trace is sampled, and a share of the others
 * ({@code management.tracing.sampling.probability}). Only those get a server observation,
 * with its span and timers; every other request costs no observation at all, and gets its
 * trace context here instead: the caller's trace with a new span for the gateway, or a
 * new trace, unsampled ({@link TraceContexts}). Since the decision is taken here, the
 * tracer samples every span it is asked for.
 */
final class EdgeSampling implements ObservationPredicate {

	private final double probability;

	EdgeSampling(double probability) {
		this.probability = probability;
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		if (!(context instanceof ServerRequestObservationContext server)) {
			return true;
		}
		TraceParent caller = TraceParent.parse(server.getCarrier().getHeaders().getFirst(TraceParent.HEADER));
		return (caller != null) ? caller.sampled() : sample();
	}

	private boolean sample() {
		return this.probability > 0 && ThreadLocalRandom.current().nextDouble() < this.probability;
	}

}
