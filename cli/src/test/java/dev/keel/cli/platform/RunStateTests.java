package dev.keel.cli.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keel.cli.platform.RunState.Running;

import static org.assertj.core.api.Assertions.assertThat;

class RunStateTests {

	@Test
	void survivesAWriteAndReadAndFindsComponents(@TempDir Path home) {
		Layout layout = new Layout(home);
		Running self = new Running("gateway", Kind.SERVICE, "gateway", ProcessHandle.current().pid(), 8080, 9080,
				"gateway.log");
		RunState.empty().with(self).write(layout.stateFile());

		RunState read = RunState.read(layout.stateFile()).orElseThrow();
		assertThat(read.components()).containsExactly(self);
		assertThat(read.find("gateway")).hasValueSatisfying((running) -> assertThat(running.alive()).isTrue());
		assertThat(read.find("nope")).isEmpty();
	}

	@Test
	void keepsTheSettingsTheRunStartedWithReadableByItsOwnerOnly(@TempDir Path home) throws IOException {
		Layout layout = new Layout(home);
		Running self = new Running("gateway", Kind.SERVICE, "gateway", ProcessHandle.current().pid(), 8080, 9080,
				"gateway.log");
		RunState.empty().startedWith(Map.of("KEEL_RATE_LIMITS_ENABLED", "false")).with(self).write(layout.stateFile());

		assertThat(RunState.read(layout.stateFile()).orElseThrow().settings())
			.containsExactly(Map.entry("KEEL_RATE_LIMITS_ENABLED", "false"));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(layout.stateFile())))
			.isEqualTo("rw-------");
	}

	@Test
	void aStateRecordedWithoutSettingsHasNone(@TempDir Path home) throws IOException {
		Path file = new Layout(home).stateFile();
		Files.createDirectories(file.getParent());
		Files.writeString(file, "{\"startedAt\": \"2026-12-07T12:00:00Z\", \"host\": null, \"components\": []}");
		assertThat(RunState.read(file).orElseThrow().settings()).isEmpty();
	}

	@Test
	void aMissingFileMeansNothingIsRunning(@TempDir Path home) {
		assertThat(RunState.read(new Layout(home).stateFile())).isEmpty();
	}

	@Test
	void aDeadPidIsNotAlive() {
		Running gone = new Running("x", Kind.INFRA, null, Long.MAX_VALUE - 1, 1, 0, "x.log");
		assertThat(gone.alive()).isFalse();
	}

}
