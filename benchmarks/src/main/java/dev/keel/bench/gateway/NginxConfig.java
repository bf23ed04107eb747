package dev.keel.bench.gateway;

import java.nio.file.Path;

/**
 * The configuration of nginx as a plain reverse proxy to one service instance: what a
 * well-set-up proxy costs, as the reference for the gateway. Keep-alive on both sides (a
 * proxy that opens a connection per request would flatter the gateway), no access log,
 * the {@code Authorization} header passed on, and everything nginx writes (pid, error
 * log, temporary files) in {@code directory}, so that it runs beside a system nginx
 * without touching it. {@code daemon off} keeps it a child process of the benchmark.
 *
 * @param directory where the configuration, pid file, error log and temporary files go
 * @param listenPort the loopback port nginx listens on
 * @param backendPort the service instance's port on the loopback interface
 * @param connections the client connections the load generator keeps open
 */
record NginxConfig(Path directory, int listenPort, int backendPort, int connections) {

	Path file() {
		return this.directory.resolve("nginx.conf");
	}

	Path errorLog() {
		return this.directory.resolve("error.log");
	}

	String text() {
		return """
				# Written by keel bench gateway: nginx as a plain reverse proxy to one service instance.
				daemon off;
				worker_processes auto;
				pid "%1$s";
				error_log "%2$s" warn;

				events {
				    worker_connections 4096;
				}

				http {
				    access_log off;
				    keepalive_requests 1000000;
				    client_body_temp_path "%3$s";
				    proxy_temp_path "%4$s";
				    fastcgi_temp_path "%5$s";
				    uwsgi_temp_path "%6$s";
				    scgi_temp_path "%7$s";

				    upstream service {
				        server 127.0.0.1:%8$d;
				        keepalive %9$d;
				        keepalive_requests 1000000;
				    }

				    server {
				        listen 127.0.0.1:%10$d;
				        location / {
				            proxy_pass http://service;
				            proxy_http_version 1.1;
				            proxy_set_header Connection "";
				            proxy_set_header Authorization $http_authorization;
				        }
				    }
				}
				""".formatted(path("nginx.pid"), errorLog(), path("client_body"), path("proxy"), path("fastcgi"),
				path("uwsgi"), path("scgi"), this.backendPort, Math.max(this.connections, 32), this.listenPort);
	}

	private Path path(String name) {
		return this.directory.resolve(name);
	}

}
