package dev.keel.cli.command;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keel.cli.platform.BindAddress;
import dev.keel.cli.platform.DiscoveryAccess;

import static org.assertj.core.api.Assertions.assertThat;

class ExposureWarningTests {

	private final DiscoveryAccess discovery = new DiscoveryAccess("keel", "generated",
			Path.of("/home/dev/keel/.keel/discovery-password"));

	@Test
	void nothingToSayOnLoopback() {
		assertThat(ExposureWarning.lines(BindAddress.of(null, Map.of()), Map.of(), this.discovery)).isEmpty();
	}

	@Test
	void everyInterfaceWithTheDevelopmentAdminIsLoud() {
		String text = String.join("\n",
				ExposureWarning.lines(BindAddress.of("0.0.0.0", Map.of()), Map.of(), this.discovery));
		assertThat(text).contains("WARNING: Keel listens on every interface (0.0.0.0)")
			.contains("DEVELOPMENT ADMIN PASSWORD is active")
			.contains("KEEL_BOOTSTRAP_ADMIN_PASSWORD")
			.contains("/home/dev/keel/.keel/discovery-password")
			.doesNotContain("generated");
	}

	@Test
	void anAdminOfTheUsersOwnIsNotCalledPublic() {
		Map<String, String> environment = Map.of("KEEL_BOOTSTRAP_ADMIN_EMAIL", "me@example.com",
				"KEEL_BOOTSTRAP_ADMIN_PASSWORD", "my-own-long-password");
		String text = String.join("\n", ExposureWarning
			.lines(BindAddress.of(null, Map.of("KEEL_BIND_ADDRESS", "0.0.0.0")), environment, this.discovery));
		assertThat(text).contains("every interface").doesNotContain("DEVELOPMENT ADMIN PASSWORD");
	}

}
