package dev.keel.cli.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PortsTests {

	@Test
	void everyServiceHasItsFixedPortAndItsManagementPortAThousandAbove() {
		Ports ports = new Ports(0);
		assertThat(ports.service("auth-service")).isEqualTo(8081);
		assertThat(ports.service("data-service")).isEqualTo(8082);
		assertThat(ports.service("notification-service")).isEqualTo(8083);
		assertThat(ports.service("storage-service")).isEqualTo(8084);
		assertThat(Ports.management(ports.service("storage-service"))).isEqualTo(9084);
	}

	@Test
	void everyServiceWithAStoreHasItsOwn() {
		Ports ports = new Ports(0);
		assertThat(ports.mongo("auth")).isEqualTo(27081);
		assertThat(ports.mongo("data")).isEqualTo(27082);
		assertThat(ports.mongo("notification")).isEqualTo(27083);
		assertThat(ports.mongo("storage")).isEqualTo(27084);
	}

	@Test
	void theOffsetShiftsStorageLikeTheRest() {
		Ports ports = Ports.from(Map.of("KEEL_PORT_OFFSET", "300"));
		assertThat(ports.service("storage-service")).isEqualTo(8384);
		assertThat(ports.mongo("storage")).isEqualTo(27384);
		assertThat(ports.gateway()).isEqualTo(8380);
	}

	@Test
	void unknownServicesHaveNoPort() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Ports(0).service("files-service"))
			.withMessageContaining("files-service");
		assertThatIllegalArgumentException().isThrownBy(() -> new Ports(0).mongo("files"))
			.withMessageContaining("files");
	}

}
