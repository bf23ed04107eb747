package dev.keel.gateway.security;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The token verifier and where its keys come from.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfiguration {

	// The load balancer's filter rather than a @LoadBalanced WebClient.Builder bean,
	// which
	// would make every WebClient in the gateway resolve its host names as service ids.
	@Bean
	TokenVerifier edgeTokenVerifier(EdgeSecuritySettings settings,
			ObjectProvider<LoadBalancedExchangeFilterFunction> loadBalancer) {
		JwksFetcher fetcher = JwksFetcher.create(settings, loadBalancer::getObject);
		return new TokenVerifier(settings, fetcher, Clock.systemUTC());
	}

}
