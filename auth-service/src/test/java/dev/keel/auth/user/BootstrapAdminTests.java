package dev.keel.auth.user;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.keel.auth.config.DeploymentProfile;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class BootstrapAdminTests {

	private static final DeploymentProfile PRODUCTION = new DeploymentProfile("production");

	@Test
	void productionRefusesToStartWithTheDevelopmentAdminPassword() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new BootstrapAdmin(null, null, properties("keel-local-dev-admin"), null, PRODUCTION))
			.withMessageContaining("KEEL_BOOTSTRAP_ADMIN_PASSWORD")
			.withMessageContaining("KEEL_PROFILE=production");
	}

	@Test
	void productionStartsWithAPasswordOfItsOwn() {
		assertThatNoException()
			.isThrownBy(() -> new BootstrapAdmin(null, null, properties("a long secret of our own"), null, PRODUCTION));
	}

	@Test
	void localRunsAcceptTheDevelopmentAdminPassword() {
		assertThatNoException().isThrownBy(() -> new BootstrapAdmin(null, null, properties("keel-local-dev-admin"),
				null, DeploymentProfile.local()));
	}

	private static UserProperties properties(String password) {
		return new UserProperties(Duration.ofHours(24), Duration.ofHours(1), "admin@keel.local", password,
				new UserProperties.Hashing(0, Duration.ofSeconds(1)), new UserProperties.Mail(Duration.ofMinutes(1), 5),
				new UserProperties.Anonymous(false));
	}

}
