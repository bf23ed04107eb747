package dev.keel.auth.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeploymentProfileTests {

	@Test
	void isLocalUnlessProductionIsAskedFor() {
		assertThat(new DeploymentProfile(null).production()).isFalse();
		assertThat(new DeploymentProfile("local").production()).isFalse();
		assertThat(new DeploymentProfile("development").profile()).isEqualTo("local");
		assertThat(new DeploymentProfile(" Production ").production()).isTrue();
	}

	@Test
	void refusesAnUnknownProfileRatherThanRunningAsLocal() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DeploymentProfile("prod"))
			.withMessageContaining("KEEL_PROFILE must be local or production");
	}

}
