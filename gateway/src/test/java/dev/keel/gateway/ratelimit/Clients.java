package dev.keel.gateway.ratelimit;

import java.net.InetSocketAddress;

import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Clients with addresses of their own: Linux answers the whole of 127.0.0.0/8 on the
 * loopback interface, so each test can be a different client IP to the gateway.
 */
final class Clients {

	private Clients() {
	}

	static WebTestClient from(String ip, int port) {
		HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(ip, 0));
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
			.baseUrl("http://127.0.0.1:" + port)
			.build();
	}

}
