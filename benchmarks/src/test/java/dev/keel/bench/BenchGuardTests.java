package dev.keel.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keel.cli.platform.Layout;

import static org.assertj.core.api.Assertions.assertThat;

class BenchGuardTests {

	@TempDir
	Path home;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(this.printed, true, StandardCharsets.UTF_8);

	@Test
	void anAbortEndsWithItsMessageAndExitCodeOne() throws Exception {
		int code = BenchGuard.run("events", new Layout(this.home), this.out, (state) -> {
			throw new BenchAbort("Keel is not running.");
		});
		assertThat(code).isEqualTo(1);
		assertThat(printed()).isEqualTo("\nkeel bench events: Keel is not running.\n");
	}

	@Test
	void aFailedRequestSaysWhatFailedAndWhereToLook() throws Exception {
		int code = BenchGuard.run("data", new Layout(this.home), this.out, (state) -> {
			throw new IOException("Connection refused");
		});
		assertThat(code).isEqualTo(1);
		assertThat(printed()).contains("keel bench data: a request failed (IOException: Connection refused). "
				+ "./keel status shows whether every component is up.");
	}

	@Test
	void aBenchmarkThatRanReturnsItsOwnExitCodeAndSeesNothingRunningWithoutAState() throws Exception {
		int code = BenchGuard.run("auth", new Layout(this.home), this.out,
				(state) -> state.components().isEmpty() ? 0 : 2);
		assertThat(code).isZero();
		assertThat(printed()).isEmpty();
	}

	private String printed() {
		return this.printed.toString(StandardCharsets.UTF_8);
	}

}
