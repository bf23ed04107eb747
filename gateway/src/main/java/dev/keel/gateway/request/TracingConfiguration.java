package dev.keel.gateway.request;

import brave.sampler.Sampler;

import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sampling decided once, at the door ({@link EdgeSampling}), instead of per reactive step
 * and per span.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

	@Bean
	EdgeSampling edgeSampling(TracingProperties tracing) {
		return new EdgeSampling(tracing.getSampling().getProbability());
	}

	// The requests that reach the tracer were sampled by EdgeSampling already; asking the
	// probability again would sample only its square.
	@Bean
	Sampler braveSampler() {
		return Sampler.ALWAYS_SAMPLE;
	}

}
