package dev.keel.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import dev.keel.cli.Keel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AuthBenchCommandTests {

	@Test
	void defaultsToOneSixteenAndSixtyFourClientsForTenSecondsEach() {
		AuthBenchSettings settings = parse("bench", "auth").settings();
		assertThat(settings.clients()).containsExactly(1, 16, 64);
		assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.warmup()).isEqualTo(Duration.ofSeconds(3));
		assertThat(settings.settleTimeout()).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.users()).isEqualTo(64);
	}

	@Test
	void optionsOverrideTheDefaults() {
		AuthBenchSettings settings = parse("bench", "auth", "--clients", "2,8", "--duration", "1m", "--warmup", "0",
				"--settle-timeout", "0")
			.settings();
		assertThat(settings.clients()).containsExactly(2, 8);
		assertThat(settings.users()).isEqualTo(8);
		assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.warmup()).isZero();
	}

	@Test
	void refusesSettingsThatCannotMeasureAnything() {
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> parse("bench", "auth", "--clients", "0,16").settings())
			.withMessageContaining("--clients");
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> parse("bench", "auth", "--duration", "0").settings())
			.withMessageContaining("--duration");
	}

	@Test
	void isListedUnderBench() {
		StringWriter usage = new StringWriter();
		CommandLine commandLine = Keel.commandLine(new Keel());
		commandLine.setOut(new PrintWriter(usage));
		commandLine.execute("bench", "--help");
		assertThat(usage.toString()).contains("auth");
	}

	private static AuthBenchCommand parse(String... args) {
		CommandLine commandLine = Keel.commandLine(new Keel());
		CommandLine.ParseResult result = commandLine.parseArgs(args);
		while (result.hasSubcommand()) {
			result = result.subcommand();
		}
		return (AuthBenchCommand) result.commandSpec().userObject();
	}

}
