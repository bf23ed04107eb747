package dev.keel.gateway.balancing;

import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * The registered instances without the ones that just refused a connection, unless that
 * leaves none: then all of them, so that a service that is coming back is tried.
 */
class EjectingInstanceListSupplier extends DelegatingServiceInstanceListSupplier {

	private final UnreachableInstances unreachable;

	EjectingInstanceListSupplier(ServiceInstanceListSupplier delegate, UnreachableInstances unreachable) {
		super(delegate);
		this.unreachable = unreachable;
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return getDelegate().get().map(this::reachable);
	}

	private List<ServiceInstance> reachable(List<ServiceInstance> instances) {
		if (this.unreachable.isEmpty()) {
			return instances;
		}
		List<ServiceInstance> reachable = instances.stream()
			.filter((instance) -> !this.unreachable.isEjected(instance))
			.toList();
		return reachable.isEmpty() ? instances : reachable;
	}

}
