package dev.keel.gateway.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Maps the account pages. They are answered by the gateway itself: Spring's router
 * functions are consulted before the gateway's routes, and no route matches
 * {@code /account/**} anyway. Any other method or path under {@code /account} gets the
 * gateway's usual problem+json 404.
 */
@Configuration(proxyBeanMethods = false)
class AccountRoutes {

	@Bean
	RouterFunction<ServerResponse> accountPages(EmailVerificationPages verification, PasswordResetPages reset,
			ForgotPasswordPages forgot) {
		return RouterFunctions.route()
			.add(page(EmailVerificationPages.PATH, verification::show, verification::submit))
			.add(page(PasswordResetPages.PATH, reset::show, reset::submit))
			.add(page(ForgotPasswordPages.PATH, forgot::show, forgot::submit))
			.build();
	}

	// HEAD as well as GET: link checkers probe with it, and neither spends a token.
	private static RouterFunction<ServerResponse> page(String path, HandlerFunction<ServerResponse> show,
			HandlerFunction<ServerResponse> submit) {
		return RouterFunctions.route()
			.route(RequestPredicates.methods(HttpMethod.GET, HttpMethod.HEAD).and(RequestPredicates.path(path)), show)
			.POST(path, submit)
			.build();
	}

}
