package dev.keel.cli.process;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisorTests {

	/**
	 * The embedded infrastructure's command line is longer than a memory page, for which
	 * the JDK reports no arguments: {@code keel stop} must still give it the time to
	 * write its start-up cache rather than kill it after 30 s.
	 */
	@Test
	@EnabledOnOs(OS.LINUX)
	void aProcessWithALongCommandLineIsSeenToWriteItsStartupCache() throws Exception {
		Process training = longCommandLine(StartupCache.TRAINING_OPTION + "/tmp/kafka.aot");
		Process plain = longCommandLine("-XX:AOTCache=/tmp/kafka.aot");
		try {
			assertThat(training.toHandle().info().arguments()).as("what the JDK reports").isEmpty();
			assertThat(Supervisor.writesStartupCache(training.toHandle())).isTrue();
			assertThat(Supervisor.writesStartupCache(plain.toHandle())).isFalse();
		}
		finally {
			training.destroy();
			plain.destroy();
			training.waitFor(5, TimeUnit.SECONDS);
			plain.waitFor(5, TimeUnit.SECONDS);
		}
	}

	// A shell that waits, with an option and a class path of 5,000 characters among its
	// arguments; "; true" keeps it from replacing itself with sleep.
	private static Process longCommandLine(String option) throws Exception {
		return new ProcessBuilder("/bin/sh", "-c", "sleep 30; true", "keel", "-cp", "x".repeat(5000), option).start();
	}

}
