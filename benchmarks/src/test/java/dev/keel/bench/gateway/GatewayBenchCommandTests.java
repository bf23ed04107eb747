package dev.keel.bench.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import dev.keel.cli.Keel;
import dev.keel.cli.platform.Layout;
import dev.keel.cli.platform.RunState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GatewayBenchCommandTests {

	@Test
	void defaultsToTheUnreadCountForFifteenSecondsAfterThreeOfWarmUpAsTheLocalAdmin() {
		GatewayBenchSettings settings = parse("bench", "gateway").settings(Map.of());
		assertThat(settings.path()).isEqualTo("/api/notifications/unread-count");
		assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(15));
		assertThat(settings.warmup()).isEqualTo(Duration.ofSeconds(3));
		assertThat(settings.firstWarmup()).isEqualTo(Duration.ofSeconds(20));
		assertThat(settings.threads()).isEqualTo(2);
		assertThat(settings.connections()).isEqualTo(32);
		assertThat(settings.rate()).isZero();
		assertThat(settings.email()).isEqualTo("admin@keel.local");
	}

	@Test
	void optionsOverrideTheDefaults() {
		GatewayBenchSettings settings = parse("bench", "gateway", "--path", "/api/auth/me", "--duration", "30s",
				"--warmup", "10s", "--first-warmup", "1m", "--connections", "64", "--threads", "1", "--rate", "2500",
				"--email", "a@b.org", "--password", "pw-from-option")
			.settings(Map.of());
		assertThat(settings.path()).isEqualTo("/api/auth/me");
		assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.warmup()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.firstWarmup()).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.connections()).isEqualTo(64);
		assertThat(settings.threads()).isEqualTo(1);
		assertThat(settings.rate()).isEqualTo(2500);
		assertThat(settings.toString()).doesNotContain("pw-from-option");
	}

	@Test
	void refusesSettingsThatCannotMeasureAnything() {
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> parse("bench", "gateway", "--connections", "1").settings(Map.of()))
			.withMessageContaining("--connections");
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> parse("bench", "gateway", "--path", "/actuator/health").settings(Map.of()))
			.withMessageContaining("--path");
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> parse("bench", "gateway", "--rate", "-5").settings(Map.of()))
			.withMessageContaining("--rate");
	}

	@Test
	void theSecondGatewayStartsWithThePlatformsSettingsNotTheBenchmarkShells(@TempDir Path home) {
		RunState state = RunState.empty()
			.startedWith(Map.of("KEEL_RATE_LIMITS_ENABLED", "false", "KEEL_PORT_OFFSET", "30000",
					"KEEL_DISCOVERY_PASSWORD", "from-the-run"));
		Map<String, String> shell = Map.of("PATH", "/usr/bin", "KEEL_RATE_LIMITS_ENABLED", "true");

		Map<String, String> environment = GatewayBenchCommand.secondGatewayEnvironment(state, new Layout(home), shell);

		assertThat(environment).containsEntry("PATH", "/usr/bin")
			.containsEntry("KEEL_RATE_LIMITS_ENABLED", "false")
			.containsEntry("KEEL_DISCOVERY_PASSWORD", "from-the-run");
		assertThat(SecondGateway.component(environment).environment())
			.containsEntry("KEEL_EUREKA_URL", "http://127.0.0.1:38761/eureka")
			.containsEntry("KEEL_DISCOVERY_PASSWORD", "from-the-run")
			.containsEntry("KEEL_GATEWAY_VALIDATE_TOKENS", "false");
	}

	private static GatewayBenchCommand parse(String... arguments) {
		CommandLine.ParseResult result = Keel.commandLine(new Keel()).parseArgs(arguments);
		return (GatewayBenchCommand) result.subcommand().subcommand().commandSpec().userObject();
	}

}
