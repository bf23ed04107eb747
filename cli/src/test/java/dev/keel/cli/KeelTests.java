package dev.keel.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class KeelTests {

	@Test
	void helpListsTheCommandsButNotTheHiddenInfrastructureOnes() {
		StringWriter usage = new StringWriter();
		CommandLine keel = Keel.commandLine(new Keel()).setOut(new PrintWriter(usage));

		assertThat(keel.execute("--help")).isZero();

		assertThat(usage.toString()).containsSubsequence("run", "start", "stop", "status", "logs", "mail", "help")
			.doesNotContainPattern("(?m)^\\s+infra\\s");
	}

	@Test
	void anUnknownCommandIsAUsageError() {
		StringWriter err = new StringWriter();
		CommandLine keel = Keel.commandLine(new Keel()).setErr(new PrintWriter(err));

		assertThat(keel.execute("launch")).isEqualTo(2);

		assertThat(err.toString()).contains("Unmatched argument", "launch");
	}

}
