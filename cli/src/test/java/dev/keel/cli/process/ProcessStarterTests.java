package dev.keel.cli.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keel.cli.platform.Component;
import dev.keel.cli.platform.Layout;
import dev.keel.cli.platform.Platform;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessStarterTests {

	private final Layout layout = new Layout(Path.of("/tmp/keel-home"));

	@Test
	void infrastructureRunsAsAKeelInfraSubcommandMarkedWithTheHome() {
		Component kafka = Platform.plan(this.layout, Map.of(), Map.of()).getFirst();
		List<String> command = new ProcessStarter(this.layout, Map.of()).command(kafka);
		assertThat(command).contains("-Xmx256m", "-Dkeel.component=kafka", "-Dkeel.home=/tmp/keel-home",
				"dev.keel.cli.Keel", "infra", "kafka", "--port", "9092");
	}

	@Test
	void authServiceKeepsTheFullJitForPasswordHashing() {
		Component auth = Platform.plan(this.layout, Map.of(), Map.of())
			.stream()
			.filter((component) -> component.name().equals("auth-service"))
			.findFirst()
			.orElseThrow();
		assertThat(new ProcessStarter(this.layout, Map.of("KEEL_CDS", "false")).command(auth))
			.doesNotContain("-XX:TieredStopAtLevel=1");
	}

	@Test
	void servicesRunTheirJarWithExtraJavaOptionsWhenClassDataSharingIsOff() {
		Component data = Platform.plan(this.layout, Map.of(), Map.of())
			.stream()
			.filter((component) -> component.name().equals("data-service"))
			.findFirst()
			.orElseThrow();
		List<String> command = new ProcessStarter(this.layout,
				Map.of("KEEL_CDS", "false", "KEEL_JAVA_OPTS", "-Dfoo=1  -Dbar=2"))
			.command(data);
		assertThat(command).contains("-Dfoo=1", "-Dbar=2", "-Dkeel.component=data-service", "-XX:TieredStopAtLevel=1")
			.containsSequence("-jar", "/tmp/keel-home/data-service/target/data-service.jar");
	}

	@Test
	void aProcessGetsTheEnvironmentItIsStartedFromAndItsOwnNothingElse() {
		Component gateway = Platform.extraInstance("gateway-bench", "gateway", Map.of(),
				Map.of("KEEL_GATEWAY_VALIDATE_TOKENS", "false"));
		Map<String, String> environment = new ProcessStarter(this.layout,
				Map.of("PATH", "/usr/bin", "KEEL_RATE_LIMITS_ENABLED", "false"))
			.environment(gateway);
		assertThat(environment).containsEntry("PATH", "/usr/bin")
			.containsEntry("KEEL_RATE_LIMITS_ENABLED", "false")
			.containsEntry("KEEL_GATEWAY_VALIDATE_TOKENS", "false")
			.containsEntry("KEEL_PORT", String.valueOf(gateway.port()))
			.doesNotContainKey("HOME");
	}

	@Test
	void aServiceTrainsItsAotCacheOnTheFirstRunAndStartsFromItAfterwards(@TempDir Path home) throws IOException {
		Layout layout = extractedService(home, "data-service");
		ProcessStarter starter = new ProcessStarter(layout, Map.of(), 25);
		Path cache = layout.extracted("data-service").resolve("data-service.aot");
		assertThat(starter.command(service(layout, "data-service"))).contains("-XX:AOTCacheOutput=" + cache)
			.noneMatch((option) -> option.startsWith("-XX:AOTCache="))
			.containsSequence("-jar", layout.extracted("data-service").resolve("data-service.jar").toString());
		Files.writeString(cache, "trained");
		assertThat(starter.command(service(layout, "data-service"))).contains("-XX:AOTCache=" + cache)
			.noneMatch((option) -> option.startsWith("-XX:AOTCacheOutput="));
	}

	@Test
	void aSecondInstanceStartsFromItsModulesCacheButNeverWritesIt(@TempDir Path home) throws IOException {
		Layout layout = extractedService(home, "data-service");
		ProcessStarter starter = new ProcessStarter(layout, Map.of(), 25);
		Component second = Platform.plan(layout, Map.of(), Map.of("data-service", 2))
			.stream()
			.filter((component) -> component.name().equals("data-service-2"))
			.findFirst()
			.orElseThrow();
		assertThat(starter.command(second)).noneMatch((option) -> option.startsWith("-XX:AOTCache"));
		Path cache = Files.writeString(layout.extracted("data-service").resolve("data-service.aot"), "trained");
		assertThat(starter.command(second)).contains("-XX:AOTCache=" + cache);
	}

	@Test
	void jdksBefore25FallBackToAClassDataSharingArchive(@TempDir Path home) throws IOException {
		Layout layout = extractedService(home, "data-service");
		List<String> command = new ProcessStarter(layout, Map.of(), 21).command(service(layout, "data-service"));
		assertThat(command)
			.contains("-XX:SharedArchiveFile=" + layout.extracted("data-service").resolve("data-service.jsa"),
					"-XX:+AutoCreateSharedArchive")
			.noneMatch((option) -> option.startsWith("-XX:AOTCache"))
			.doesNotContain("-XX:+UseCompactObjectHeaders", "--sun-misc-unsafe-memory-access=allow");
	}

	@Test
	void theInfrastructureTrainsACachePerComponentOnTheLaunchersClassPath(@TempDir Path home) {
		Layout layout = new Layout(home);
		Component kafka = Platform.plan(layout, Map.of(), Map.of()).getFirst();
		List<String> command = new ProcessStarter(layout, Map.of(), 25).command(kafka);
		assertThat(command).contains("-XX:AOTCacheOutput=" + layout.infraCaches().resolve("kafka.aot"));
		assertThat(new ProcessStarter(layout, Map.of("KEEL_CDS", "false"), 25).command(kafka))
			.noneMatch((option) -> option.startsWith("-XX:AOTCache"));
	}

	@Test
	void everyProcessStartsWithASmallHeapThatGrowsAndFewMallocArenas() {
		Component data = service(this.layout, "data-service");
		ProcessStarter starter = new ProcessStarter(this.layout, Map.of("KEEL_CDS", "false"), 25);
		assertThat(starter.command(data)).contains("-Xmx256m", "-Xms16m", "-XX:MaxHeapFreeRatio=30",
				"-XX:TrimNativeHeapInterval=10000", "-XX:+UseCompactObjectHeaders");
		assertThat(starter.environment(data)).containsEntry("MALLOC_ARENA_MAX", "2");
		assertThat(new ProcessStarter(this.layout, Map.of("MALLOC_ARENA_MAX", "8")).environment(data))
			.containsEntry("MALLOC_ARENA_MAX", "8");
	}

	@Test
	void aProcessThatTrainsItsCacheIsToldApartByItsCommandLine() throws Exception {
		Process training = new ProcessBuilder("/bin/sh", "-c", "sleep 30", "-XX:AOTCacheOutput=/tmp/x.aot").start();
		Process plain = new ProcessBuilder("/bin/sh", "-c", "sleep 30", "-XX:AOTCache=/tmp/x.aot").start();
		try {
			assertThat(Supervisor.writesStartupCache(training.toHandle())).isTrue();
			assertThat(Supervisor.writesStartupCache(plain.toHandle())).isFalse();
		}
		finally {
			training.destroyForcibly();
			plain.destroyForcibly();
		}
	}

	private static Component service(Layout layout, String name) {
		return Platform.plan(layout, Map.of(), Map.of())
			.stream()
			.filter((component) -> component.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	/** A built jar and its extraction, as the first start leaves them. */
	private static Layout extractedService(Path home, String module) throws IOException {
		Layout layout = new Layout(home);
		Path jar = layout.jar(module);
		Files.createDirectories(jar.getParent());
		Files.writeString(jar, "jar");
		Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
		Path extracted = Files.createDirectories(layout.extracted(module));
		Files.writeString(extracted.resolve(".source"), "1000000:3");
		return layout;
	}

}
