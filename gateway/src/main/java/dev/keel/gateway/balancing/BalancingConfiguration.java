package dev.keel.gateway.balancing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * Every service's load balancer lists the instances from discovery (cached), minus the
 * ones {@link UnreachableInstances} holds: see {@link PerServiceBalancing}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BalancingSettings.class)
@LoadBalancerClients(defaultConfiguration = PerServiceBalancing.class)
class BalancingConfiguration {

}
