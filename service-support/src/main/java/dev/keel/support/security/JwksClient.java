package dev.keel.support.security;

import java.time.Duration;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestOperations;
import org.springframework.web.client.RestTemplate;

/**
 * The HTTP client that fetches auth-service's JWKS. Load-balanced, it resolves the URL's
 * host as a service id through Spring Cloud LoadBalancer (and so Eureka), reusing the
 * interceptor that Spring Cloud registers for {@code @LoadBalanced} clients. It is not a
 * bean, so that it never competes with a service's own {@link RestTemplate}.
 */
final class JwksClient {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

	private static final String INTERCEPTOR = "org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor";

	private JwksClient() {
	}

	static RestOperations create(boolean loadBalanced, ListableBeanFactory beans) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(CONNECT_TIMEOUT);
		requests.setReadTimeout(READ_TIMEOUT);
		RestTemplate rest = new RestTemplate(requests);
		if (loadBalanced) {
			if (!ClassUtils.isPresent(INTERCEPTOR, JwksClient.class.getClassLoader())) {
				throw notLoadBalancing();
			}
			rest.getInterceptors().add(LoadBalancing.interceptor(beans));
		}
		return rest;
	}

	private static IllegalStateException notLoadBalancing() {
		return new IllegalStateException("keel.security.load-balanced is true, but Spring Cloud LoadBalancer is not"
				+ " available to resolve keel.security.jwk-set-uri: add spring-cloud-starter-loadbalancer (the Eureka"
				+ " client brings it), or set keel.security.load-balanced=false for a plain URL");
	}

	/**
	 * Kept apart so that Spring Cloud's types are only loaded when load balancing is on.
	 */
	private static final class LoadBalancing {

		static BlockingLoadBalancerInterceptor interceptor(ListableBeanFactory beans) {
			BlockingLoadBalancerInterceptor interceptor = beans.getBeanProvider(BlockingLoadBalancerInterceptor.class)
				.getIfAvailable();
			if (interceptor == null) {
				throw notLoadBalancing();
			}
			return interceptor;
		}

	}

}
