package dev.keel.cli.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keel.cli.platform.Component;
import dev.keel.cli.platform.Layout;
import dev.keel.cli.platform.Platform;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessStarterTests {

	private final Layout layout = new Layout(Path.of("/tmp/keel-home"));

	@Test
	void infrastructureRunsAsAKeelInfraSubcommandMarkedWithTheHome() {
		Component kafka = Platform.plan(this.layout, Map.of(), Map.of()).getFirst();
		List<String> command = new ProcessStarter(this.layout, Map.of()).command(kafka);
		assertThat(command).contains("-Xmx512m", "-Dkeel.component=kafka", "-Dkeel.home=/tmp/keel-home",
				"dev.keel.cli.Keel", "infra", "kafka", "--port", "9092");
	}

	@Test
	void authServiceKeepsTheFullJitForPasswordHashing() {
		Component auth = Platform.plan(this.layout, Map.of(), Map.of())
			.stream()
			.filter((component) -> component.name().equals("auth-service"))
			.findFirst()
			.orElseThrow();
		assertThat(new ProcessStarter(this.layout, Map.of("KEEL_CDS", "false")).command(auth))
			.doesNotContain("-XX:TieredStopAtLevel=1");
	}

	@Test
	void servicesRunTheirJarWithExtraJavaOptionsWhenClassDataSharingIsOff() {
		Component data = Platform.plan(this.layout, Map.of(), Map.of())
			.stream()
			.filter((component) -> component.name().equals("data-service"))
			.findFirst()
			.orElseThrow();
		List<String> command = new ProcessStarter(this.layout,
				Map.of("KEEL_CDS", "false", "KEEL_JAVA_OPTS", "-Dfoo=1  -Dbar=2"))
			.command(data);
		assertThat(command).contains("-Dfoo=1", "-Dbar=2", "-Dkeel.component=data-service", "-XX:TieredStopAtLevel=1")
			.containsSequence("-jar", "/tmp/keel-home/data-service/target/data-service.jar");
	}

	@Test
	void aProcessGetsTheEnvironmentItIsStartedFromAndItsOwnNothingElse() {
		Component gateway = Platform.extraInstance("gateway-bench", "gateway", Map.of(),
				Map.of("KEEL_GATEWAY_VALIDATE_TOKENS", "false"));
		Map<String, String> environment = new ProcessStarter(this.layout,
				Map.of("PATH", "/usr/bin", "KEEL_RATE_LIMITS_ENABLED", "false"))
			.environment(gateway);
		assertThat(environment).containsEntry("PATH", "/usr/bin")
			.containsEntry("KEEL_RATE_LIMITS_ENABLED", "false")
			.containsEntry("KEEL_GATEWAY_VALIDATE_TOKENS", "false")
			.containsEntry("KEEL_PORT", String.valueOf(gateway.port()))
			.doesNotContainKey("HOME");
	}

}
