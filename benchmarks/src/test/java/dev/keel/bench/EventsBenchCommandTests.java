package dev.keel.bench;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import dev.keel.cli.Keel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventsBenchCommandTests {

	@Test
	void defaultsToTwoHundredWritesAndAFifteenSecondBurstWithSixteenInFlight() {
		EventsBenchSettings settings = parse("bench", "events").settings(Map.of());
		assertThat(settings.writes()).isEqualTo(200);
		assertThat(settings.burst()).isEqualTo(Duration.ofSeconds(15));
		assertThat(settings.concurrency()).isEqualTo(16);
		assertThat(settings.settleTimeout()).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.catchUpTimeout()).isEqualTo(Duration.ofMinutes(10));
		assertThat(settings.email()).isEqualTo("admin@keel.local");
	}

	@Test
	void optionsOverrideTheDefaultsAndThePasswordIsNotPrinted() {
		EventsBenchSettings settings = parse("bench", "events", "--writes", "50", "--burst", "1m", "--concurrency", "4",
				"--settle-timeout", "0", "--catch-up-timeout", "30s", "--email", "ops@example.com", "--password",
				"pw-from-option")
			.settings(Map.of());
		assertThat(settings.writes()).isEqualTo(50);
		assertThat(settings.burst()).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.concurrency()).isEqualTo(4);
		assertThat(settings.settleTimeout()).isZero();
		assertThat(settings.catchUpTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.toString()).contains("ops@example.com").doesNotContain("pw-from-option");
	}

	@Test
	void theDirectBurstKeepsThirtyTwoCreatesInFlightUnlessToldOtherwise() {
		assertThat(parse("bench", "events").settings(Map.of()).burstConcurrency()).isEqualTo(32);
		assertThat(parse("bench", "events", "--burst-concurrency", "64").settings(Map.of()).burstConcurrency())
			.isEqualTo(64);
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> parse("bench", "events", "--burst-concurrency", "0").settings(Map.of()))
			.withMessageContaining("--burst-concurrency");
	}

	@Test
	void refusesSettingsThatCannotMeasureAnything() {
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> parse("bench", "events", "--writes", "0").settings(Map.of()))
			.withMessageContaining("--writes");
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> parse("bench", "events", "--burst", "0s").settings(Map.of()))
			.withMessageContaining("--burst");
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> parse("bench", "events", "--concurrency", "0").settings(Map.of()))
			.withMessageContaining("--concurrency");
	}

	private static EventsBenchCommand parse(String... arguments) {
		CommandLine.ParseResult result = Keel.commandLine(new Keel()).parseArgs(arguments);
		return (EventsBenchCommand) result.subcommand().subcommand().commandSpec().userObject();
	}

}
