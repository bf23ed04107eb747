package dev.keel.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import dev.keel.cli.Keel;
import dev.keel.cli.platform.Kind;
import dev.keel.cli.platform.RunState;
import dev.keel.cli.platform.RunState.Running;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StorageBenchCommandTests {

	private static final long ALIVE = ProcessHandle.current().pid();

	@Test
	void defaultsTo256MegabytesAndTakesSizesWithUnits() {
		assertThat(parse("bench", "storage").settings(Map.of()).size()).isEqualTo(256L * 1024 * 1024);
		assertThat(parse("bench", "storage", "--size", "1GB").settings(Map.of()).size()).isEqualTo(1L << 30);
		assertThat(parse("bench", "storage", "--size", "512kb").settings(Map.of()).size()).isEqualTo(512L * 1024);
		assertThat(parse("bench", "storage", "--size", "1000").settings(Map.of()).size()).isEqualTo(1000);
		assertThat(parse("bench", "storage", "--password", "pw-from-option").settings(Map.of()).toString())
			.doesNotContain("pw-from-option");
	}

	@Test
	void refusesSizesItCannotUse() {
		for (String size : new String[] { "0", "1TB", "big", "-5MB", "65GB" }) {
			assertThatExceptionOfType(ParameterException.class).as(size)
				.isThrownBy(() -> parse("bench", "storage", "--size", size).settings(Map.of()))
				.withMessageContaining("--size");
		}
	}

	@Test
	void theFileIsTheSameBytesEveryTimeAndExactlyTheSize() throws IOException {
		byte[] first;
		try (InputStream in = new PatternStream(100_003)) {
			first = in.readAllBytes();
		}
		byte[] second;
		try (InputStream in = new PatternStream(100_003)) {
			second = in.readAllBytes();
		}
		assertThat(first).hasSize(100_003).isEqualTo(second);
		assertThat(java.util.stream.IntStream.range(0, 256).filter((value) -> {
			for (byte b : first) {
				if ((b & 0xff) == value) {
					return true;
				}
			}
			return false;
		}).count()).as("every byte value occurs").isEqualTo(256);
	}

	@Test
	void measuresEveryStorageServiceInstanceAndTheGateway() {
		RunState state = new RunState(Instant.now(), List.of(service("gateway", 38080),
				service("storage-service", 38084), service("storage-service-2", 41234)));
		StorageTargets targets = StorageTargets.from(state, Path.of("state.json"), Path.of("/tmp/keel/data/storage"));
		assertThat(targets.storage()).hasToString("http://localhost:38084");
		assertThat(targets.storagePids()).hasSize(2);
		assertThat(targets.gatewayPids()).hasSize(1);
		assertThatExceptionOfType(BenchAbort.class)
			.isThrownBy(() -> StorageTargets.from(new RunState(Instant.now(), List.of(service("gateway", 38080))),
					Path.of("state.json"), Path.of("/tmp")))
			.withMessageContaining("storage-service");
	}

	@Test
	void reportsMegabytesPerSecondAndCpuMillisecondsPerMegabyte() {
		StorageBench.Result result = new StorageBench.Result(200_000_000, 2_000_000_000L, 500_000_000L);
		assertThat(result.megabytesPerSecond()).isEqualTo(100.0);
		assertThat(result.cpuMillisPerMegabyte()).isEqualTo(2.5);
		assertThat(new StorageBench.Result(1_000_000, 1, -1).cpuMillisPerMegabyte()).isNaN();
	}

	private static Running service(String name, int port) {
		return new Running(name, Kind.SERVICE, name.replace("-2", ""), ALIVE, port, port + 1000, name + ".log");
	}

	private static StorageBenchCommand parse(String... arguments) {
		CommandLine.ParseResult result = Keel.commandLine(new Keel()).parseArgs(arguments);
		return (StorageBenchCommand) result.subcommand().subcommand().commandSpec().userObject();
	}

}
