package dev.keel.deployment;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml is valid for Compose and would start: dependencies wait for health,
 * every container is capped, scaled services publish no fixed ports, and each service
 * reads every variable it is given.
 */
class ComposeFileTests {

	private static final Repository repository = Repository.current();

	/** The only services with host ports: none of them is meant to be scaled. */
	private static final Set<String> PUBLISHED = Set.of("gateway", "discovery", "mailpit");

	private final Map<String, Object> services = Yamls.mapAt(Yamls.document(read()), "services");

	@Test
	void composeAcceptsTheFile() {
		Optional<Tool> compose = Tool.find(List.of(List.of("docker-compose")))
			.or(() -> Tool.find(List.of(List.of("docker", "compose")))
				.filter((docker) -> docker.run(repository.root(), "version").exitCode() == 0));
		if (compose.isEmpty()) {
			System.err.println("[deployment] SKIPPED: neither docker-compose nor the docker compose plugin is"
					+ " installed, so docker-compose.yml is not validated by Compose (apt-get install docker-compose).");
		}
		Assumptions.assumeTrue(compose.isPresent(), "docker-compose is not installed");
		Tool.Result result = compose.get().run(repository.root(), "-f", "docker-compose.yml", "config", "-q");
		assertThat(result.exitCode()).as(result.errors()).isZero();
	}

	@Test
	void everyDependencyWaitsForAHealthyService() {
		this.services.forEach((name, service) -> {
			Object dependsOn = Yamls.at(service, "depends_on");
			if (dependsOn instanceof List<?>) {
				throw new AssertionError(name + ": depends_on as a list starts it before its dependencies are healthy");
			}
			Yamls.mapAt(service, "depends_on").forEach((dependency, condition) -> {
				assertThat(Yamls.stringAt(condition, "condition")).as("%s -> %s", name, dependency)
					.isEqualTo("service_healthy");
				assertThat(Yamls.at(this.services.get(dependency), "healthcheck", "test"))
					.as("%s waits for %s, which needs a health check", name, dependency)
					.isNotNull();
			});
		});
	}

	@Test
	void everyContainerHasAMemoryLimitAndAHealthCheck() {
		this.services.forEach((name, service) -> {
			assertThat(Yamls.stringAt(service, "mem_limit")).as(name).isNotBlank();
			assertThat(Yamls.at(service, "healthcheck", "test")).as(name).isNotNull();
		});
	}

	@Test
	void scaledServicesPublishNoFixedPorts() {
		this.services.forEach((name, service) -> {
			assertThat(Yamls.at(service, "container_name")).as("%s: a fixed container name prevents --scale", name)
				.isNull();
			if (!PUBLISHED.contains(name)) {
				assertThat(Yamls.at(service, "ports")).as("%s: a host port prevents --scale %s=3", name, name).isNull();
			}
		});
		for (String service : List.of("auth-service", "data-service", "notification-service", "storage-service")) {
			assertThat(this.services).containsKey(service);
		}
	}

	@Test
	void discoveryAndMailpitArePublishedOnLoopbackOnly() {
		for (String name : List.of("discovery", "mailpit")) {
			assertThat(Yamls.listAt(this.services, name, "ports")).as(name)
				.isNotEmpty()
				.allSatisfy((port) -> assertThat(String.valueOf(port)).as(name).startsWith("127.0.0.1:"));
		}
		assertThat(Yamls.listAt(this.services, "gateway", "ports")).as("the gateway is the way in")
			.noneSatisfy((port) -> assertThat(String.valueOf(port)).startsWith("127.0.0.1:"));
	}

	@Test
	void discoveryAndEveryServiceShareTheDiscoveryPassword() {
		Set<String> passwords = new TreeSet<>();
		for (String service : Repository.SERVICES) {
			Object password = Yamls.at(this.services, service, "environment", "KEEL_DISCOVERY_PASSWORD");
			assertThat(password).as("%s: KEEL_DISCOVERY_PASSWORD", service).isNotNull();
			passwords.add(String.valueOf(password));
		}
		assertThat(passwords).as("one password for discovery and every service")
			.containsExactly("${KEEL_DISCOVERY_PASSWORD:-keel-local-dev-discovery}");
	}

	@Test
	void signingKeysComeFromAuthServicesComposeNameNotFromDiscovery() {
		for (String service : List.of("gateway", "data-service", "notification-service", "storage-service")) {
			assertThat(Yamls.stringAt(this.services, service, "environment", "KEEL_JWK_SET_URI")).as(service)
				.isEqualTo("http://auth-service:8081/api/auth/.well-known/jwks.json");
		}
	}

	@Test
	void keelContainersAreConfiguredOnlyByVariablesTheyRead() {
		for (String service : Repository.SERVICES) {
			ServiceSettings settings = ServiceSettings.read(repository, service);
			Map<String, Object> compose = Yamls.mapAt(this.services, service);
			assertThat(Yamls.stringAt(compose, "build", "args", "SERVICE")).isEqualTo(service);
			assertThat(Yamls.at(compose, "command")).as("%s: configured by environment only", service).isNull();
			Set<String> unread = new TreeSet<>(Yamls.mapAt(compose, "environment").keySet());
			unread.removeAll(settings.variables());
			assertThat(unread).as("%s is given variables it does not read", service).isEmpty();
			Map<String, String> environment = new LinkedHashMap<>();
			Yamls.mapAt(compose, "environment").forEach((key, value) -> environment.put(key, String.valueOf(value)));
			assertThat(Yamls.stringAt(compose, "build", "args", "PORT"))
				.as("%s: the image's port is the one the service listens on", service)
				.isEqualTo(String.valueOf(settings.port().resolve(environment)));
			assertThat(Yamls.stringAt(compose, "build", "args", "MANAGEMENT_PORT"))
				.as("%s: the health check asks the service's management port", service)
				.isEqualTo(String.valueOf(settings.managementPort().resolve(environment)));
		}
	}

	@Test
	void eachDatabaseSharesANetworkWithItsServiceOnly() {
		for (String owner : List.of("auth-service", "data-service", "notification-service", "storage-service")) {
			String database = "mongodb-" + owner.replace("-service", "");
			List<Object> networks = Yamls.listAt(this.services, database, "networks");
			assertThat(networks).as(database).hasSize(1);
			Object network = networks.get(0);
			Set<String> members = new TreeSet<>();
			this.services.forEach((name, service) -> {
				if (Yamls.listAt(service, "networks").contains(network)) {
					members.add(name);
				}
			});
			assertThat(members).as("who can reach %s", database).containsExactlyInAnyOrder(database, owner);
		}
	}

	@Test
	void storageServiceKeepsFilesInANamedVolumeSharedByItsContainers() {
		Map<String, Object> storage = Yamls.mapAt(this.services, "storage-service");
		String directory = Yamls.stringAt(storage, "environment", "KEEL_STORAGE_DIR");
		assertThat(Yamls.stringAt(storage, "environment", "KEEL_STORAGE_BACKEND")).isEqualTo("local");
		assertThat(directory).isEqualTo("/var/lib/keel/storage");
		assertThat(Yamls.listAt(storage, "volumes")).containsExactly("storage-data:" + directory);
		assertThat(Yamls.mapAt(Yamls.document(read()), "volumes")).containsKey("storage-data");
		assertThat(Yamls.mapAt(storage, "depends_on")).containsKeys("mongodb-storage", "kafka", "discovery");
	}

	@Test
	void storageServiceSignsWithTheDevelopmentDefaultThatProductionRefusesUnlessOneIsSet() {
		assertThat(Yamls.stringAt(this.services, "storage-service", "environment", "KEEL_STORAGE_SIGNING_SECRET"))
			.isEqualTo("${KEEL_STORAGE_SIGNING_SECRET:-keel-local-dev-storage-signing-secret}");
		assertThat(Yamls.stringAt(this.services, "storage-service", "environment", "KEEL_PROFILE"))
			.isEqualTo("${KEEL_PROFILE:-local}");
	}

	@Test
	void theS3OptionIsDocumentedWithEveryVariableStorageServiceReads() {
		Set<String> s3 = new TreeSet<>(ServiceSettings.read(repository, "storage-service").variables());
		s3.removeIf((variable) -> !variable.startsWith("KEEL_STORAGE_S3_"));
		assertThat(s3).isNotEmpty();
		String text = read();
		assertThat(text).contains("# KEEL_STORAGE_BACKEND: s3");
		s3.forEach((variable) -> assertThat(text).contains("# " + variable + ": ${" + variable));
	}

	private static String read() {
		try {
			return Files.readString(repository.compose());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
