package dev.keel.deployment;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/Dockerfile, its health check and {@code ./keel images}, as far as they can be
 * tried without a Docker engine: the recipe's shape, the layer extraction it runs on the
 * real jars, the health check against a live HTTP server, and the messages when Docker is
 * missing.
 */
class ImageRecipeTests {

	static final List<String> SERVICES = Repository.SERVICES;

	private static final Repository repository = Repository.current();

	@Test
	void theImageIsAJreWithTheLayersInOrderRunAsANonRootUser() throws IOException {
		String dockerfile = Files.readString(repository.dockerfile());
		List<String> stages = lines(dockerfile, "^FROM .*");
		assertThat(stages).as("multi-stage: build, split into layers, run").hasSize(3);
		assertThat(stages.get(2)).contains("-jre");
		assertThat(dockerfile).contains("java -Djarmode=tools -jar app.jar extract --layers --launcher");
		assertThat(lines(dockerfile, "^COPY --from=layers .*")).extracting((line) -> line.split("/")[3])
			.as("least often changed first")
			.containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
		Matcher user = Pattern.compile("(?m)^USER ([0-9]+)(?::[0-9]+)?$").matcher(dockerfile);
		assertThat(user.find()).as("a numeric USER, which Kubernetes' runAsNonRoot can check").isTrue();
		assertThat(Integer.parseInt(user.group(1))).isNotZero();
		assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*keel-healthcheck")
			.containsPattern("(?ms)^ENTRYPOINT .*?org.springframework.boot.loader.launch.JarLauncher");
	}

	@Test
	void theBuildStageHasEveryModuleTheReactorLists() throws IOException {
		String dockerfile = Files.readString(repository.dockerfile());
		Matcher module = Pattern.compile("<module>([^<]+)</module>")
			.matcher(Files.readString(repository.root().resolve("pom.xml")));
		while (module.find()) {
			String name = module.group(1);
			assertThat(dockerfile).as("Maven needs %s's pom in the build stage", name)
				.containsPattern("(?m)^COPY " + Pattern.quote(name) + "/(pom\\.xml)? " + Pattern.quote(name) + "/$");
		}
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("SERVICES")
	void theServiceJarSplitsIntoTheLayersTheImageCopies(String service, @TempDir Path extracted) {
		Path jar = repository.serviceJar(service);
		assertThat(jar).as("build the services first (./keel build)").isRegularFile();
		String java = ProcessHandle.current().info().command().orElse("java");
		new Tool(List.of(java, "-Djarmode=tools", "-jar", jar.toString()))
			.run(extracted, "extract", "--layers", "--launcher", "--destination", extracted.toString())
			.successfulOutput();
		assertThat(extracted.resolve("spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class"))
			.isRegularFile();
		assertThat(extracted.resolve("dependencies/BOOT-INF/lib")).isDirectoryContaining("glob:**spring-boot-*.jar");
		assertThat(extracted.resolve("application/BOOT-INF/classes/dev/keel")).isDirectory();
		assertThat(extracted.resolve("application/BOOT-INF/classes/application.yml")).isRegularFile();
		assertThat(extracted.resolve("application/META-INF/MANIFEST.MF")).content()
			.contains("Main-Class: org.springframework.boot.loader.launch.JarLauncher");
		assertThat(extracted.resolve("snapshot-dependencies")).isDirectory();
	}

	/**
	 * What the container does, without the container: the layers copied into one folder
	 * in the Dockerfile's order, the Dockerfile's own entry point started there, and its
	 * health check asked until the service is ready. discovery needs no database, so it
	 * stands in for all five.
	 */
	@Test
	void theEntryPointStartsTheServiceFromItsLayersAndTheHealthCheckSeesItReady(@TempDir Path work) throws Exception {
		Path extracted = work.resolve("extracted");
		String javaCommand = ProcessHandle.current().info().command().orElse("java");
		new Tool(List.of(javaCommand, "-Djarmode=tools", "-jar", repository.serviceJar("discovery").toString()))
			.run(work, "extract", "--layers", "--launcher", "--destination", extracted.toString())
			.successfulOutput();
		Path app = work.resolve("app");
		for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
			copyTree(extracted.resolve(layer), app);
		}
		List<String> command = new ArrayList<>(entryPoint(Files.readString(repository.dockerfile())));
		assertThat(command.get(0)).isEqualTo("java");
		command.set(0, javaCommand);
		String port = String.valueOf(freePort());
		String management = String.valueOf(freePort());
		ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("discovery.log").toFile());
		builder.environment().put("KEEL_PORT", port);
		builder.environment().put("KEEL_MANAGEMENT_PORT", management);
		Process process = builder.start();
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
			int exitCode = healthCheck(management).exitCode();
			while (exitCode != 0 && process.isAlive() && System.nanoTime() < deadline) {
				Thread.sleep(500);
				exitCode = healthCheck(management).exitCode();
			}
			assertThat(exitCode)
				.as("health check of discovery started by the entry point; its log:%n%s",
						Files.readString(work.resolve("discovery.log")))
				.isZero();
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	@Test
	void theHealthCheckPassesOnlyWhenTheServiceIsReady() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		int[] status = { 503 };
		server.createContext("/actuator/health/readiness", (exchange) -> {
			byte[] body = ((status[0] == 200) ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes();
			exchange.sendResponseHeaders(status[0], body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		try {
			String port = String.valueOf(server.getAddress().getPort());
			assertThat(healthCheck(port).exitCode()).as("not ready yet").isEqualTo(1);
			status[0] = 200;
			assertThat(healthCheck(port).exitCode()).as("ready").isZero();
		}
		finally {
			server.stop(0);
		}
		assertThat(healthCheck(String.valueOf(server.getAddress().getPort())).exitCode()).as("not listening")
			.isEqualTo(1);
	}

	@Test
	void keelImagesSaysWhatToInstallWhenThereIsNoDocker(@TempDir Path bin) throws IOException {
		// A PATH with the script's own needs and no docker.
		Files.createSymbolicLink(bin.resolve("dirname"), Path.of("/usr/bin/dirname"));
		Tool.Result result = new Tool(List.of("/usr/bin/env", "-i", "PATH=" + bin, "/bin/bash")).run(repository.root(),
				"keel", "images");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.errors()).contains("Building images needs Docker, and there is no docker command here.",
				"https://docs.docker.com/get-docker/");
	}

	@Test
	void keelImagesSaysWhenTheDockerEngineIsNotRunning() {
		org.junit.jupiter.api.Assumptions.assumeTrue(Tool.onPath("docker"), "no docker command on this machine");
		org.junit.jupiter.api.Assumptions.assumeFalse(
				new Tool(List.of("docker")).run(repository.root(), "info").exitCode() == 0,
				"a Docker engine is running here");
		Tool.Result result = new Tool(List.of("/bin/bash")).run(repository.root(), "keel", "images");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.errors()).contains("cannot reach a Docker engine");
	}

	private static Tool.Result healthCheck(String port) {
		return new Tool(List.of("/usr/bin/env", "-i", "KEEL_MANAGEMENT_PORT=" + port, "/bin/bash",
				repository.root().resolve("docker/healthcheck").toString()))
			.run(repository.root());
	}

	/** The exec-form ENTRYPOINT's arguments. */
	private static List<String> entryPoint(String dockerfile) {
		Matcher entryPoint = Pattern.compile("(?ms)^ENTRYPOINT \\[(.*?)]").matcher(dockerfile.replace("\\\n", " "));
		assertThat(entryPoint.find()).as("an exec-form ENTRYPOINT").isTrue();
		List<String> arguments = new ArrayList<>();
		Matcher argument = Pattern.compile("\"([^\"]*)\"").matcher(entryPoint.group(1));
		while (argument.find()) {
			arguments.add(argument.group(1));
		}
		return arguments;
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (var paths = Files.walk(from)) {
			for (Path source : (Iterable<Path>) paths::iterator) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static int freePort() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static List<String> lines(String text, String regex) {
		List<String> lines = new ArrayList<>();
		Matcher matcher = Pattern.compile("(?m)" + regex).matcher(text);
		while (matcher.find()) {
			lines.add(matcher.group());
		}
		return lines;
	}

}
