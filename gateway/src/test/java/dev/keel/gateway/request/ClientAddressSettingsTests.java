package dev.keel.gateway.request;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressSettingsTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(ClientAddressWiring.class);

	@Test
	void trustsNobodyByDefault() {
		this.contexts
			.run((context) -> assertThat(context.getBean(ClientAddressSettings.class).trustedProxies()).isEmpty());
		this.contexts.withPropertyValues("keel.gateway.trusted-proxies=")
			.run((context) -> assertThat(context.getBean(ClientAddressSettings.class).trustedProxies()).isEmpty());
	}

	@Test
	void readsCommaSeparatedAddressesAndRanges() {
		this.contexts.withPropertyValues("keel.gateway.trusted-proxies=10.0.0.0/8, 172.16.0.0/12,192.168.1.5 ,fc00::/7")
			.run((context) -> assertThat(context.getBean(ClientAddressSettings.class).trustedProxies())
				.map(AddressRange::toString)
				.containsExactly("10.0.0.0/8", "172.16.0.0/12", "192.168.1.5", "fc00::/7"));
	}

	@Test
	void malformedRangeStopsStartUpNamingTheVariable() {
		this.contexts.withPropertyValues("keel.gateway.trusted-proxies=10.0.0.0/8,10.0.0.0/33").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("KEEL_GATEWAY_TRUSTED_PROXIES")
				.hasMessageContaining("'10.0.0.0/33'");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ClientAddressSettings.class)
	@Import(ClientAddressFilter.class)
	static class ClientAddressWiring {

	}

}
