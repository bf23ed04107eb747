package dev.keel.bench.gateway;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The generated configuration in a real nginx, when nginx is installed. */
class NginxIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void passesTheBearerTokenToTheServiceOverKeptAliveConnections() throws Exception {
		Optional<Path> executable = Executables.find("nginx", System.getenv("PATH"));
		assumeTrue(executable.isPresent(), "nginx is not installed");
		Path folder = Files.createDirectories(this.directory.resolve("nginx"));
		try (Backend backend = new Backend();
				Nginx nginx = Nginx.start(executable.get(),
						new NginxConfig(folder, Nginx.freePort(), backend.port(), 4))) {
			RouteCheck check = new RouteCheck(HttpClient.newHttpClient());
			for (int i = 0; i < 40; i++) {
				assertThat(check.get(nginx.base().resolve("/api/notifications/unread-count"), Backend.TOKEN).status())
					.isEqualTo(200);
			}
			assertThat(check.get(nginx.base().resolve("/api/notifications/unread-count"), "forged").status())
				.isEqualTo(401);
			assertThat(backend.authorized()).isEqualTo(40);
			assertThat(backend.refused()).isEqualTo(1);
			// One request at a time: each nginx worker reuses its connection to the
			// service.
			assertThat(backend.connections()).isLessThanOrEqualTo(Runtime.getRuntime().availableProcessors());
		}
	}

}
