package dev.keel.discovery;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThatException;

class ProductionDiscoveryIntegrationTests {

	@Test
	void refusesToStartInProductionWithoutARealPassword() {
		SpringApplication application = new SpringApplication(DiscoveryApplication.class);
		assertThatException()
			.isThrownBy(
					() -> application.run("--KEEL_PROFILE=production", "--server.port=0", "--management.server.port=0",
							"--eureka.client.register-with-eureka=false", "--eureka.client.fetch-registry=false"))
			.withStackTraceContaining("KEEL_PROFILE=production refuses discovery's local-development password");
	}

}
