package dev.keel.discovery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DiscoverySettingsTests {

	@Test
	void productionRefusesTheDevelopmentPasswordNamingTheVariable() {
		assertThatIllegalStateException()
			.isThrownBy(
					() -> new DiscoverySettings("keel", DiscoverySettings.DEVELOPMENT_PASSWORD, "production").check())
			.withMessageContaining("KEEL_DISCOVERY_PASSWORD");
	}

	@Test
	void productionAcceptsARealPassword() {
		assertThatNoException()
			.isThrownBy(() -> new DiscoverySettings("keel", "s3cret-from-a-secret", "production").check());
	}

	@Test
	void localKeepsTheDevelopmentPassword() {
		assertThatNoException()
			.isThrownBy(() -> new DiscoverySettings("keel", DiscoverySettings.DEVELOPMENT_PASSWORD, "local").check());
	}

	@Test
	void anEmptyPasswordIsRefusedEverywhere() {
		assertThatIllegalStateException().isThrownBy(() -> new DiscoverySettings("keel", "", "local").check())
			.withMessageContaining("KEEL_DISCOVERY_PASSWORD");
	}

}
