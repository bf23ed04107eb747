package dev.keel.cli.platform;

import java.nio.file.Path;

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
	void aMissingFileMeansNothingIsRunning(@TempDir Path home) {
		assertThat(RunState.read(new Layout(home).stateFile())).isEmpty();
	}

	@Test
	void aDeadPidIsNotAlive() {
		Running gone = new Running("x", Kind.INFRA, null, Long.MAX_VALUE - 1, 1, 0, "x.log");
		assertThat(gone.alive()).isFalse();
	}

}
