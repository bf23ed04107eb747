package dev.keel.bench.gateway;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import dev.keel.cli.Keel;

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

	private static GatewayBenchCommand parse(String... arguments) {
		CommandLine.ParseResult result = Keel.commandLine(new Keel()).parseArgs(arguments);
		return (GatewayBenchCommand) result.subcommand().subcommand().commandSpec().userObject();
	}

}
