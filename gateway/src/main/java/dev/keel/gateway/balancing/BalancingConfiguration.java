package dev.keel.gateway.balancing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.GatewayLoadBalancerProperties;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every service's load balancer lists the instances from discovery (cached), minus the
 * ones {@link UnreachableInstances} holds: see {@link PerServiceBalancing}. Requests
 * reach a service's load balancer through {@link BalancingFilter}, in place of Spring
 * Cloud Gateway's own filter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BalancingSettings.class)
@LoadBalancerClients(defaultConfiguration = PerServiceBalancing.class)
class BalancingConfiguration {

	@Bean
	ReactiveLoadBalancerClientFilter balancingFilter(LoadBalancerClientFactory clientFactory,
			GatewayLoadBalancerProperties properties) {
		return new BalancingFilter(clientFactory, properties);
	}

}
