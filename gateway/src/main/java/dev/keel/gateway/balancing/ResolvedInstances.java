package dev.keel.gateway.balancing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * The instances from discovery with their address read once per fetch. Eureka's instances
 * format and parse their URI on every call of {@code getUri()} and {@code getScheme()},
 * which the gateway's routing makes for every request; a resolved instance answers from
 * what it read. It lives as long as the cached instance list it is part of, so it follows
 * the instance's registration as closely as the list does.
 */
class ResolvedInstances extends DelegatingServiceInstanceListSupplier {

	ResolvedInstances(ServiceInstanceListSupplier delegate) {
		super(delegate);
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return getDelegate().get().map((instances) -> instances.stream().map(ResolvedInstances::resolve).toList());
	}

	private static ServiceInstance resolve(ServiceInstance instance) {
		return new Resolved(instance.getInstanceId(), instance.getServiceId(), instance.getHost(), instance.getPort(),
				instance.isSecure(), instance.getUri(), instance.getMetadata(), instance.getScheme());
	}

	private record Resolved(@Nullable String instanceId, String serviceId, String host, int port, boolean secure,
			URI uri, @Nullable Map<String, String> metadata, @Nullable String scheme) implements ServiceInstance {

		@Override
		public @Nullable String getInstanceId() {
			return this.instanceId;
		}

		@Override
		public String getServiceId() {
			return this.serviceId;
		}

		@Override
		public String getHost() {
			return this.host;
		}

		@Override
		public int getPort() {
			return this.port;
		}

		@Override
		public boolean isSecure() {
			return this.secure;
		}

		@Override
		public URI getUri() {
			return this.uri;
		}

		@Override
		public @Nullable Map<String, String> getMetadata() {
			return this.metadata;
		}

		@Override
		public @Nullable String getScheme() {
			return this.scheme;
		}

	}

}
