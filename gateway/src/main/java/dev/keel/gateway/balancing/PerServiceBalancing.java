package dev.keel.gateway.balancing;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The instance list of one service's load balancer: from discovery, each instance's
 * address read once ({@link ResolvedInstances}), cached, minus the ejected ones. Spring
 * Cloud creates it in each service's own load-balancer context; it is deliberately not a
 * component, so that the application context does not create it too.
 */
class PerServiceBalancing {

	@Bean
	ServiceInstanceListSupplier ejectingServiceInstanceListSupplier(ConfigurableApplicationContext context) {
		ServiceInstanceListSupplier instances = ServiceInstanceListSupplier.builder()
			.withDiscoveryClient()
			.with((ignored, discovered) -> new ResolvedInstances(discovered))
			.withCaching()
			.build(context);
		return new EjectingInstanceListSupplier(instances, context.getBean(UnreachableInstances.class));
	}

}
