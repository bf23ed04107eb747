package dev.keel.support.web;

import java.util.List;

import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Registers Keel's problem handling and request ids in every servlet service. Runs before
 * Boot's error auto-configuration so that its {@link ProblemErrorController} replaces the
 * default error controller.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
public class KeelWebAutoConfiguration {

	@Bean
	TraceIds keelTraceIds(ObjectProvider<Tracer> tracer) {
		return new TraceIds(tracer);
	}

	@Bean
	ProblemHandler keelProblemHandler(TraceIds traceIds) {
		return new ProblemHandler(traceIds);
	}

	@Bean
	ProblemErrorController keelProblemErrorController(TraceIds traceIds) {
		return new ProblemErrorController(traceIds);
	}

	@Bean
	FilterRegistrationBean<RequestIdFilter> keelRequestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<MalformedRequestFilter> keelMalformedRequestFilter(TraceIds traceIds,
			Environment environment) {
		// Endpoints whose errors have a format of their own (the OAuth2 token endpoint's,
		// RFC 6749) check their requests themselves.
		List<String> excluded = Binder.get(environment)
			.bind("keel.web.own-error-format-paths", Bindable.listOf(String.class))
			.orElse(List.of());
		FilterRegistrationBean<MalformedRequestFilter> registration = new FilterRegistrationBean<>(
				new MalformedRequestFilter(new ProblemResponses(traceIds), excluded));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
