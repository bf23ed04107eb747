package dev.keel.cli.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PlatformTests {

	@TempDir
	Path home;

	private Layout layout;

	@BeforeEach
	void layout() {
		this.layout = new Layout(this.home);
	}

	@Test
	void startsInfrastructureThenDiscoveryThenServicesOnTheirPorts() {
		List<Component> plan = Platform.plan(this.layout, Map.of(), Map.of());
		assertThat(plan).extracting(Component::name)
			.containsExactly("kafka", "mongo-auth", "mongo-data", "mongo-notification", "mongo-storage", "mail",
					"discovery", "auth-service", "data-service", "notification-service", "storage-service", "gateway");
		assertThat(plan).extracting(Component::kind).isSortedAccordingTo(Enum::compareTo);
		assertThat(port(plan, "gateway")).isEqualTo(8080);
		assertThat(port(plan, "discovery")).isEqualTo(8761);
		assertThat(port(plan, "data-service")).isEqualTo(8082);
		assertThat(find(plan, "data-service").managementPort()).isEqualTo(9082);
		assertThat(find(plan, "data-service").environment()).containsEntry("KEEL_PORT", "8082")
			.containsEntry("KEEL_MANAGEMENT_PORT", "9082");
	}

	@Test
	void embeddedStoresPersistUnderTheDataFolder() {
		Component store = find(Platform.plan(this.layout, Map.of(), Map.of()), "mongo-data");
		assertThat(store.arguments()).containsSequence("--file",
				this.home.resolve(".keel/data/mongo-data.mv").toString());
		assertThat(store.port()).isEqualTo(27082);
	}

	@Test
	void storageServiceRunsOnItsPortsWithItsOwnStoreAndTheStateFoldersBlobFolder() {
		List<Component> plan = Platform.plan(this.layout, Map.of(), Map.of());
		Component storage = find(plan, "storage-service");
		assertThat(storage.port()).isEqualTo(8084);
		assertThat(storage.managementPort()).isEqualTo(9084);
		assertThat(find(plan, "mongo-storage").port()).isEqualTo(27084);
		assertThat(find(plan, "mongo-storage").arguments()).containsSequence("--file",
				this.home.resolve(".keel/data/mongo-storage.mv").toString());
		assertThat(storage.environment()).containsEntry("KEEL_MONGODB_URI", "mongodb://localhost:27084")
			.containsEntry("KEEL_STORAGE_DIR", this.home.resolve(".keel/data/storage").toString())
			.containsEntry("KEEL_JWK_SET_URI", "http://127.0.0.1:8081/api/auth/.well-known/jwks.json");
	}

	@Test
	void storageInstancesShareTheBlobFolderAndOneSigningSecretGeneratedOncePerStateFolder() throws Exception {
		List<Component> plan = Platform.plan(this.layout, Map.of(), Map.of("storage-service", 2));
		Map<String, String> first = find(plan, "storage-service").environment();
		Map<String, String> second = find(plan, "storage-service-2").environment();
		assertThat(first.get("KEEL_STORAGE_SIGNING_SECRET")).matches("[0-9a-f]{48}");
		assertThat(second).containsEntry("KEEL_STORAGE_SIGNING_SECRET", first.get("KEEL_STORAGE_SIGNING_SECRET"))
			.containsEntry("KEEL_STORAGE_DIR", first.get("KEEL_STORAGE_DIR"))
			.containsEntry("KEEL_MONGODB_URI", first.get("KEEL_MONGODB_URI"));
		assertThat(find(plan, "storage-service-2").port()).isNotEqualTo(8084);

		Path file = this.home.resolve(".keel/storage-signing-secret");
		assertThat(Files.readString(file).trim()).isEqualTo(first.get("KEEL_STORAGE_SIGNING_SECRET"));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(find(Platform.plan(this.layout, Map.of(), Map.of()), "storage-service").environment())
			.as("the next run of the same state folder")
			.containsEntry("KEEL_STORAGE_SIGNING_SECRET", first.get("KEEL_STORAGE_SIGNING_SECRET"));
		assertThat(find(plan, "data-service").environment()).doesNotContainKeys("KEEL_STORAGE_SIGNING_SECRET",
				"KEEL_STORAGE_DIR");
	}

	@Test
	void storageSettingsFromTheEnvironmentWinAndNoSecretIsWritten() {
		List<Component> plan = Platform.plan(this.layout,
				Map.of("KEEL_STORAGE_SIGNING_SECRET", "from-the-environment", "KEEL_STORAGE_DIR", "/srv/files"),
				Map.of());
		assertThat(find(plan, "storage-service").environment())
			.containsEntry("KEEL_STORAGE_SIGNING_SECRET", "from-the-environment")
			.doesNotContainKey("KEEL_STORAGE_DIR");
		assertThat(this.layout.storageSigningSecretFile()).doesNotExist();
	}

	@Test
	void aRestartedStorageInstanceKeepsItsSecretAndFolder() {
		Map<String, String> planned = find(Platform.plan(this.layout, Map.of(), Map.of()), "storage-service")
			.environment();
		Component again = Platform.restart(this.layout, Map.of(),
				new RunState.Running("storage-service", Kind.SERVICE, "storage-service", 1, 8084, 9084, "s.log"));
		assertThat(again.environment())
			.containsEntry("KEEL_STORAGE_SIGNING_SECRET", planned.get("KEEL_STORAGE_SIGNING_SECRET"))
			.containsEntry("KEEL_STORAGE_DIR", planned.get("KEEL_STORAGE_DIR"));
	}

	@Test
	void externalInfrastructureReplacesTheEmbeddedCounterparts() {
		List<Component> plan = Platform.plan(this.layout, Map.of("KEEL_MONGODB_URI", "mongodb://db:27017",
				"KEEL_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "KEEL_SMTP_HOST", "smtp.example.com"), Map.of());
		assertThat(plan).noneMatch((component) -> component.kind() == Kind.INFRA);
		assertThat(plan).extracting(Component::name).contains("discovery", "gateway");
	}

	@Test
	void scaledServicesGetExtraInstancesOnOtherPorts() {
		List<Component> plan = Platform.plan(this.layout, Map.of(), Map.of("data-service", 3));
		List<Component> data = plan.stream().filter((c) -> "data-service".equals(c.module())).toList();
		assertThat(data).extracting(Component::name)
			.containsExactly("data-service", "data-service-2", "data-service-3");
		assertThat(data).extracting(Component::port).doesNotHaveDuplicates();
		assertThat(data.get(1).port()).isNotEqualTo(8082).isPositive();
		assertThat(data.get(1).application()).isEqualTo("DATA-SERVICE");
	}

	@Test
	void servicesAreToldWhereTheirOwnStoreTheBrokerAndDiscoveryAre() {
		List<Component> plan = Platform.plan(this.layout, Map.of(), Map.of());
		assertThat(find(plan, "auth-service").environment())
			.containsEntry("KEEL_MONGODB_URI", "mongodb://localhost:27081")
			.containsEntry("KEEL_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
			.containsEntry("KEEL_EUREKA_URL", "http://127.0.0.1:8761/eureka");
		assertThat(find(plan, "notification-service").environment())
			.containsEntry("KEEL_MONGODB_URI", "mongodb://localhost:27083")
			.containsEntry("KEEL_SMTP_PORT", "1025");
		assertThat(find(plan, "gateway").environment()).doesNotContainKey("KEEL_MONGODB_URI");
	}

	@Test
	void authServiceGetsTheDevelopmentAdminWhenTheEnvironmentNamesNone() {
		List<Component> plan = Platform.plan(this.layout, Map.of(), Map.of());
		assertThat(find(plan, "auth-service").environment())
			.containsEntry("KEEL_BOOTSTRAP_ADMIN_EMAIL", "admin@keel.local")
			.containsEntry("KEEL_BOOTSTRAP_ADMIN_PASSWORD", LocalAdmin.DEVELOPMENT_DEFAULT.password());
		assertThat(find(plan, "data-service").environment()).doesNotContainKey("KEEL_BOOTSTRAP_ADMIN_PASSWORD");
	}

	@Test
	void anAdminNamedByTheEnvironmentReachesAuthServiceUnchanged() {
		List<Component> plan = Platform.plan(this.layout, Map.of("KEEL_BOOTSTRAP_ADMIN_EMAIL", "admin@keel.test",
				"KEEL_BOOTSTRAP_ADMIN_PASSWORD", "system-test-admin-only"), Map.of());
		// Inherited from the launcher's environment as it is; no default is layered on
		// top.
		assertThat(find(plan, "auth-service").environment()).doesNotContainKeys("KEEL_BOOTSTRAP_ADMIN_EMAIL",
				"KEEL_BOOTSTRAP_ADMIN_PASSWORD");
	}

	@Test
	void externalInfrastructureIsLeftToTheInheritedEnvironment() {
		List<Component> plan = Platform.plan(this.layout, Map.of("KEEL_MONGODB_URI", "mongodb://db:27017"), Map.of());
		assertThat(find(plan, "data-service").environment()).doesNotContainKey("KEEL_MONGODB_URI")
			.containsKey("KEEL_KAFKA_BOOTSTRAP_SERVERS");
	}

	@Test
	void portOffsetShiftsEveryFixedPort() {
		List<Component> plan = Platform.plan(this.layout, Map.of("KEEL_PORT_OFFSET", "20000"), Map.of());
		assertThat(port(plan, "gateway")).isEqualTo(28080);
		assertThat(find(plan, "gateway").managementPort()).isEqualTo(29080);
		assertThat(port(plan, "kafka")).isEqualTo(29092);
		assertThat(find(plan, "kafka").arguments()).containsSequence("--controller-port", "29093");
		assertThat(port(plan, "mongo-data")).isEqualTo(47082);
		assertThat(port(plan, "storage-service")).isEqualTo(28084);
		assertThat(find(plan, "storage-service").managementPort()).isEqualTo(29084);
		assertThat(port(plan, "mongo-storage")).isEqualTo(47084);
		assertThat(find(plan, "data-service").environment())
			.containsEntry("KEEL_EUREKA_URL", "http://127.0.0.1:28761/eureka")
			.containsEntry("KEEL_MONGODB_URI", "mongodb://localhost:47082");
	}

	@Test
	void badPortOffsetIsExplained() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Platform.plan(this.layout, Map.of("KEEL_PORT_OFFSET", "lots"), Map.of()))
			.withMessageContaining("KEEL_PORT_OFFSET");
	}

	@Test
	void aStoppedComponentRestartsOnItsOwnPorts() {
		Component kafka = Platform.restart(this.layout, Map.of(),
				new RunState.Running("kafka", Kind.INFRA, null, 1, 9092, 0, "kafka.log"));
		assertThat(kafka.arguments()).containsSequence("--port", "9092");
		Component second = Platform.restart(this.layout, Map.of(),
				new RunState.Running("data-service-2", Kind.SERVICE, "data-service", 1, 41234, 41235, "d.log"));
		assertThat(second.environment()).containsEntry("KEEL_PORT", "41234")
			.containsEntry("KEEL_MANAGEMENT_PORT", "41235");
	}

	@Test
	void anExtraInstanceIsConfiguredLikeThePlatformsOwnOnFreePortsWithItsOwnSettings() {
		Map<String, String> environment = Map.of("KEEL_PORT_OFFSET", "30000");
		Component extra = Platform.extraInstance("gateway-bench", "gateway", environment,
				Map.of("KEEL_GATEWAY_VALIDATE_TOKENS", "false"));
		Component platforms = find(Platform.plan(this.layout, environment, Map.of()), "gateway");
		assertThat(extra.port()).isPositive().isNotEqualTo(platforms.port());
		assertThat(extra.managementPort()).isPositive().isNotEqualTo(platforms.managementPort());
		assertThat(extra.environment()).containsEntry("KEEL_PORT", String.valueOf(extra.port()))
			.containsEntry("KEEL_MANAGEMENT_PORT", String.valueOf(extra.managementPort()))
			.containsEntry("KEEL_EUREKA_URL", "http://127.0.0.1:38761/eureka")
			.containsEntry("KEEL_GATEWAY_VALIDATE_TOKENS", "false");
		assertThat(extra.jvmOptions()).isEqualTo(platforms.jvmOptions());
		assertThat(extra.heap()).isEqualTo(platforms.heap());
	}

	@Test
	void theSettingsOfAnEnvironmentAreItsKeelVariables() {
		assertThat(
				Platform.settings(Map.of("KEEL_RATE_LIMITS_ENABLED", "false", "PATH", "/usr/bin", "HOME", "/home/a")))
			.containsExactly(Map.entry("KEEL_RATE_LIMITS_ENABLED", "false"));
	}

	@Test
	void aProcessBesideARunGetsTheRunsSettingsInsteadOfItsShells() {
		Map<String, String> shell = Map.of("PATH", "/usr/bin", "KEEL_RATE_LIMITS_ENABLED", "true", "KEEL_CDS", "false");
		Map<String, String> run = Map.of("KEEL_RATE_LIMITS_ENABLED", "false", "KEEL_PORT_OFFSET", "30000");
		assertThat(Platform.withSettingsOf(shell, run)).containsOnly(Map.entry("PATH", "/usr/bin"),
				Map.entry("KEEL_RATE_LIMITS_ENABLED", "false"), Map.entry("KEEL_PORT_OFFSET", "30000"));
	}

	@Test
	void aComponentStartedAgainGetsTheRunsSettingsOrTheShellsForARunRecordedWithoutThem() {
		Map<String, String> shell = Map.of("PATH", "/usr/bin", "KEEL_RATE_LIMITS_ENABLED", "true");
		RunState recorded = new RunState(Instant.now(), null, List.of(), Map.of("KEEL_RATE_LIMITS_ENABLED", "false"));
		RunState older = new RunState(Instant.now(), List.of());
		assertThat(Platform.besideRun(recorded, this.layout, shell)).containsEntry("KEEL_RATE_LIMITS_ENABLED", "false")
			.containsEntry("PATH", "/usr/bin")
			.containsEntry("KEEL_BIND_ADDRESS", "127.0.0.1");
		assertThat(Platform.besideRun(older, this.layout, shell)).containsEntry("KEEL_RATE_LIMITS_ENABLED", "true");
	}

	@Test
	void everyServiceListensOnLoopbackByDefaultAndRegistersItsLoopbackAddress() {
		List<Component> plan = Platform.plan(this.layout, Map.of(), Map.of("data-service", 2));
		assertThat(plan.stream().filter((component) -> component.kind() != Kind.INFRA))
			.allSatisfy((component) -> assertThat(component.environment()).as(component.name())
				.containsEntry("KEEL_BIND_ADDRESS", "127.0.0.1")
				.containsEntry("KEEL_EUREKA_HOSTNAME", "127.0.0.1"));
	}

	@Test
	void everyInterfaceOnlyWhenAsked() {
		Map<String, String> environment = Platform.environment(Map.of(), BindAddress.of("0.0.0.0", Map.of()),
				new DiscoveryAccess("keel", "generated", null));
		List<Component> plan = Platform.plan(this.layout, environment, Map.of());
		assertThat(find(plan, "gateway").environment()).containsEntry("KEEL_BIND_ADDRESS", "0.0.0.0")
			.containsEntry("KEEL_EUREKA_HOSTNAME", "127.0.0.1");
	}

	@Test
	void discoveryAndEveryServiceGetTheSameDiscoveryCredentials() {
		Map<String, String> environment = Platform.environment(Map.of(), BindAddress.of(null, Map.of()),
				new DiscoveryAccess("keel", "generated-secret", null));
		List<Component> plan = Platform.plan(this.layout, environment, Map.of("auth-service", 2));
		assertThat(plan.stream().filter((component) -> component.kind() != Kind.INFRA))
			.allSatisfy((component) -> assertThat(component.environment()).as(component.name())
				.containsEntry("KEEL_DISCOVERY_USERNAME", "keel")
				.containsEntry("KEEL_DISCOVERY_PASSWORD", "generated-secret"));
		assertThat(plan.stream().filter((component) -> component.kind() == Kind.INFRA)).allSatisfy(
				(component) -> assertThat(component.environment()).doesNotContainKey("KEEL_DISCOVERY_PASSWORD"));
	}

	@Test
	void signingKeysComeFromTheFirstAuthServiceNeverFromDiscovery() {
		List<Component> plan = Platform.plan(this.layout, Map.of("KEEL_PORT_OFFSET", "20000"),
				Map.of("auth-service", 2));
		for (String name : List.of("gateway", "data-service", "notification-service", "storage-service")) {
			assertThat(find(plan, name).environment()).as(name)
				.containsEntry("KEEL_JWK_SET_URI", "http://127.0.0.1:28081/api/auth/.well-known/jwks.json");
		}
		assertThat(find(plan, "auth-service").environment()).doesNotContainKey("KEEL_JWK_SET_URI");
	}

	@Test
	void identityProvidersSendTheBrowserBackThroughTheGatewayWhereverItListens() {
		List<Component> plan = Platform.plan(this.layout, Map.of("KEEL_PORT_OFFSET", "20000"), Map.of());

		assertThat(find(plan, "auth-service").environment()).containsEntry("KEEL_APP_URL", "http://localhost:28080");
		assertThat(Platform.plan(this.layout, Map.of("KEEL_APP_URL", "https://api.example.com"), Map.of()))
			.filteredOn((component) -> component.name().equals("auth-service"))
			.allSatisfy((auth) -> assertThat(auth.environment()).doesNotContainKey("KEEL_APP_URL"));
	}

	@Test
	void refusesToScaleWhatCannotBeScaled() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Platform.plan(this.layout, Map.of(), Map.of("discovery", 2)))
			.withMessageContaining("discovery");
	}

	private static int port(List<Component> plan, String name) {
		return find(plan, name).port();
	}

	private static Component find(List<Component> plan, String name) {
		return plan.stream().filter((component) -> component.name().equals(name)).findFirst().orElseThrow();
	}

}
