package dev.keel.support.security;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;

/**
 * Sends every failure of the bearer-token filter to the entry point. By default Spring
 * Security rethrows the failure it reports when the signing keys cannot be fetched
 * ({@code AuthenticationServiceException}), which ends as a 500; the entry point answers
 * it with a 503 instead.
 */
class BearerFailureHandling implements ObjectPostProcessor<BearerTokenAuthenticationFilter> {

	private final AuthenticationEntryPoint entryPoint;

	BearerFailureHandling(AuthenticationEntryPoint entryPoint) {
		this.entryPoint = entryPoint;
	}

	@Override
	public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
		AuthenticationEntryPointFailureHandler failures = new AuthenticationEntryPointFailureHandler(this.entryPoint);
		failures.setRethrowAuthenticationServiceException(false);
		filter.setAuthenticationFailureHandler(failures);
		return filter;
	}

}
