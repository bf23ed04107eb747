package dev.keel.bench.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OtherWorkTests {

	@TempDir
	Path directory;

	@Test
	void theMachinesBusyTimeLeavesOutIdleAndWaitingForDisks() throws Exception {
		Path stat = this.directory.resolve("stat");
		// user nice system idle iowait irq softirq steal guest guest_nice, in 1/100 s
		Files.writeString(stat, "cpu  1000 10 200 999999 888 1 2 3 0 0\ncpu0 500 5 100 0 0 0 0 0 0 0\n");
		assertThat(OtherWork.machineBusyNanos(stat)).isEqualTo(1216 * 10_000_000L);
	}

	@Test
	void anUnreadableMachineIsUnknown() {
		assertThat(OtherWork.machineBusyNanos(this.directory.resolve("missing"))).isEqualTo(-1);
		OtherWork unknown = new OtherWork(() -> -1, () -> 0);
		unknown.start();
		assertThat(unknown.cores()).isNaN();
	}

	@Test
	void whatTheMachineSpentBeyondOurProcessesIsOtherWork() throws Exception {
		AtomicLong machine = new AtomicLong(0);
		AtomicLong ours = new AtomicLong(0);
		OtherWork others = new OtherWork(machine::get, ours::get);
		others.start();
		Thread.sleep(100);
		machine.addAndGet(150_000_000L);
		ours.addAndGet(50_000_000L);
		// 100 ms of CPU by others in a little over 100 ms of wall time: about one core.
		assertThat(others.cores()).isCloseTo(1.0, within(0.2));
	}

}
