package dev.keel.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCpuTests {

	private static final String STAT = "4242 (java (keel) x) S 1 4242 4242 0 -1 4194560 50000 0 12 0 "
			+ "1234 56 78 9 20 0 40 0 1000 5000000000 90000 18446744073709551615";

	@Test
	void userAndSystemTicksAfterTheNameEvenWhenItHoldsParentheses() {
		assertThat(ProcessCpu.parse(STAT, 0)).isEqualTo((1234 + 56) * 10_000_000L);
	}

	@Test
	void finishedChildrenAreTheNextTwoFields() {
		assertThat(ProcessCpu.parse(STAT, 2)).isEqualTo((78 + 9) * 10_000_000L);
	}

	@Test
	void anUnreadableStatIsUnknown(@TempDir Path folder) throws Exception {
		Path stat = Files.writeString(folder.resolve("stat"), "garbage");
		assertThat(ProcessCpu.ticks(stat, 0)).isEmpty();
		assertThat(ProcessCpu.ticks(folder.resolve("missing"), 0)).isEmpty();
	}

	@Test
	void thisProcessHasUsedSomeCpuAndAGoneOneNone() {
		assertThat(ProcessCpu.nanos(ProcessHandle.current().pid())).isPositive();
		assertThat(ProcessCpu.nanos(Long.MAX_VALUE)).isEqualTo(-1);
	}

}
