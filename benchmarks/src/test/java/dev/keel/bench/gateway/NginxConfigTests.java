package dev.keel.bench.gateway;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NginxConfigTests {

	private final NginxConfig config = new NginxConfig(Path.of("/tmp/keel-bench-1/nginx"), 41234, 38083, 32);

	@Test
	void proxiesEveryPathToTheOneInstanceOverKeepAliveConnections() {
		String text = this.config.text();
		assertThat(text).contains("listen 127.0.0.1:41234;")
			.contains("server 127.0.0.1:38083;")
			.contains("keepalive 32;")
			.contains("proxy_pass http://service;")
			.contains("proxy_http_version 1.1;")
			.contains("proxy_set_header Connection \"\";")
			.contains("proxy_set_header Authorization $http_authorization;");
	}

	@Test
	void runsInTheForegroundOnEveryCoreWithoutAnAccessLog() {
		assertThat(this.config.text()).contains("daemon off;")
			.contains("worker_processes auto;")
			.contains("access_log off;");
	}

	@Test
	void writesEverythingInItsOwnFolder() {
		String text = this.config.text();
		assertThat(text).contains("pid \"/tmp/keel-bench-1/nginx/nginx.pid\";")
			.contains("error_log \"/tmp/keel-bench-1/nginx/error.log\" warn;")
			.contains("proxy_temp_path \"/tmp/keel-bench-1/nginx/proxy\";")
			.contains("client_body_temp_path \"/tmp/keel-bench-1/nginx/client_body\";");
		assertThat(Pattern.compile("\"(/[^\"]*)\"").matcher(text).results().map((path) -> path.group(1))).hasSize(7)
			.allMatch((path) -> path.startsWith("/tmp/keel-bench-1/nginx/"));
		assertThat(this.config.file()).isEqualTo(Path.of("/tmp/keel-bench-1/nginx/nginx.conf"));
	}

	@Test
	void keepsAtLeastAsManyIdleBackendConnectionsAsTheClientOpens() {
		assertThat(new NginxConfig(Path.of("/tmp/n"), 1, 2, 200).text()).contains("keepalive 200;");
		assertThat(new NginxConfig(Path.of("/tmp/n"), 1, 2, 4).text()).contains("keepalive 32;");
	}

}
