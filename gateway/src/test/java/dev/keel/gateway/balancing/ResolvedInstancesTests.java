package dev.keel.gateway.balancing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.client.loadbalancer.LoadBalancerUriTools;

import static org.assertj.core.api.Assertions.assertThat;

class ResolvedInstancesTests {

	@Test
	void requestsGoToTheAddressAndSchemeDiscoveryGave() {
		ServiceInstance tls = new DefaultServiceInstance("data-1", "data-service", "10.0.0.7", 8443, true,
				Map.of("zone", "a"));
		ServiceInstance plain = new DefaultServiceInstance("data-2", "data-service", "10.0.0.8", 8082, false);

		List<ServiceInstance> resolved = new ResolvedInstances(discovered(tls, plain)).get().blockFirst();

		// as the gateway received it
		URI request = URI.create("http://localhost:8080/api/data/things?limit=5");
		assertThat(resolved).extracting((instance) -> LoadBalancerUriTools.reconstructURI(instance, request))
			.containsExactly(URI.create("https://10.0.0.7:8443/api/data/things?limit=5"),
					URI.create("http://10.0.0.8:8082/api/data/things?limit=5"));
		assertThat(resolved.get(0).getInstanceId()).isEqualTo("data-1");
		assertThat(resolved.get(0).getMetadata()).containsEntry("zone", "a");
	}

	private static ServiceInstanceListSupplier discovered(ServiceInstance... instances) {
		return new ServiceInstanceListSupplier() {

			@Override
			public String getServiceId() {
				return "data-service";
			}

			@Override
			public Flux<List<ServiceInstance>> get() {
				return Flux.just(List.of(instances));
			}

		};
	}

}
