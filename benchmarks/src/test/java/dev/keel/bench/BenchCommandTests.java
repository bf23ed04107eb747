package dev.keel.bench;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.keel.cli.Keel;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTests {

	@Test
	void keelHelpListsBenchBeforeHelpOnceThisModuleIsOnTheClasspath() {
		StringWriter usage = new StringWriter();
		CommandLine keel = Keel.commandLine(new Keel()).setOut(new PrintWriter(usage));

		assertThat(keel.execute("--help")).isZero();

		assertThat(usage.toString()).containsSubsequence("run", "status", "mail", "bench", "help")
			.contains("Measure a running platform");
	}

	@Test
	void benchListsEveryBenchmark() {
		StringWriter usage = new StringWriter();
		CommandLine keel = Keel.commandLine(new Keel()).setOut(new PrintWriter(usage));

		assertThat(keel.execute("bench", "--help")).isZero();

		assertThat(usage.toString()).contains("data", "auth", "gateway");
	}

}
