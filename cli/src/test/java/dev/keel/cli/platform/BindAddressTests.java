package dev.keel.cli.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BindAddressTests {

	@Test
	void loopbackByDefault() {
		BindAddress address = BindAddress.of(null, Map.of());
		assertThat(address.address()).isEqualTo("127.0.0.1");
		assertThat(address.beyondLoopback()).isFalse();
	}

	@Test
	void theEnvironmentCanAskForEveryInterface() {
		BindAddress address = BindAddress.of(null, Map.of("KEEL_BIND_ADDRESS", "0.0.0.0"));
		assertThat(address.address()).isEqualTo("0.0.0.0");
		assertThat(address.beyondLoopback()).isTrue();
	}

	@Test
	void theHostOptionWinsOverTheEnvironment() {
		assertThat(BindAddress.of("::", Map.of("KEEL_BIND_ADDRESS", "127.0.0.1")).address()).isEqualTo("::");
		assertThat(BindAddress.of("127.0.0.1", Map.of("KEEL_BIND_ADDRESS", "0.0.0.0")).beyondLoopback()).isFalse();
	}

	@Test
	void otherAddressesAreExplained() {
		assertThatIllegalArgumentException().isThrownBy(() -> BindAddress.of("192.168.1.5", Map.of()))
			.withMessageContaining("--host")
			.withMessageContaining("0.0.0.0");
		assertThatIllegalArgumentException().isThrownBy(() -> BindAddress.of("localhost", Map.of()));
	}

}
