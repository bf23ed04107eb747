package dev.keel.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import dev.keel.cli.Keel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DataBenchCommandTests {

	@Test
	void defaultsToFifteenSecondsAfterFiveOfWarmUpWithSixteenInFlightAsTheLocalAdmin() {
		BenchSettings settings = parse("bench", "data").settings(Map.of());
		assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(15));
		assertThat(settings.warmup()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.concurrency()).isEqualTo(16);
		assertThat(settings.documents()).isEqualTo(2000);
		assertThat(settings.settleTimeout()).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.email()).isEqualTo("admin@keel.local");
		assertThat(settings.password()).isEqualTo("keel-local-dev-admin");
	}

	@Test
	void optionsOverrideTheDefaults() {
		BenchSettings settings = parse("bench", "data", "--duration", "1m", "--warmup", "0", "--concurrency", "64",
				"--documents", "500", "--settle-timeout", "0", "--email", "ops@example.com", "--password",
				"pw-from-option")
			.settings(Map.of());
		assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.warmup()).isZero();
		assertThat(settings.concurrency()).isEqualTo(64);
		assertThat(settings.documents()).isEqualTo(500);
		assertThat(settings.settleTimeout()).isZero();
		assertThat(settings.email()).isEqualTo("ops@example.com");
		assertThat(settings.password()).isEqualTo("pw-from-option");
		assertThat(settings.toString()).doesNotContain("pw-from-option");
	}

	@Test
	void theBootstrapAdminOfTheEnvironmentIsTheDefault() {
		BenchSettings settings = parse("bench", "data").settings(Map.of("KEEL_BOOTSTRAP_ADMIN_EMAIL", "admin@keel.test",
				"KEEL_BOOTSTRAP_ADMIN_PASSWORD", "system-test-admin"));
		assertThat(settings.email()).isEqualTo("admin@keel.test");
		assertThat(settings.password()).isEqualTo("system-test-admin");
	}

	@Test
	void refusesSettingsThatCannotMeasureAnything() {
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> parse("bench", "data", "--concurrency", "0").settings(Map.of()))
			.withMessageContaining("--concurrency");
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> parse("bench", "data", "--duration", "0s").settings(Map.of()))
			.withMessageContaining("--duration");
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> parse("bench", "data").settings(Map.of("KEEL_BOOTSTRAP_ADMIN_EMAIL", "only@x.org")))
			.withMessageContaining("--email and --password");
	}

	@Test
	void aMistypedDurationIsAUsageError() {
		StringWriter err = new StringWriter();
		int exitCode = Keel.commandLine(new Keel())
			.setErr(new PrintWriter(err))
			.execute("bench", "data", "--duration", "soon");
		assertThat(exitCode).isEqualTo(2);
		assertThat(err.toString()).contains("'soon' is not a duration");
	}

	private static DataBenchCommand parse(String... arguments) {
		CommandLine.ParseResult result = Keel.commandLine(new Keel()).parseArgs(arguments);
		return (DataBenchCommand) result.subcommand().subcommand().commandSpec().userObject();
	}

}
