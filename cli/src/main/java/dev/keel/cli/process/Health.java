package dev.keel.cli.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import dev.keel.cli.platform.RunState.Running;

/**
 * How ready a component is: a service by its readiness probe on the management port,
 * infrastructure by its port accepting connections.
 */
public final class Health {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private Health() {
	}

	public static String of(Running component) {
		if (!component.alive()) {
			return "STOPPED";
		}
		if (component.managementPort() > 0) {
			return readiness(component.managementPort());
		}
		return portOpen(component.port()) ? "UP" : "STARTING";
	}

	static String readiness(int managementPort) {
		int status = get(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"));
		return switch (status) {
			case 200 -> "UP";
			case -1 -> "STARTING";
			default -> "DOWN";
		};
	}

	/** The status code of a GET, or -1 when nothing answers. */
	public static int get(URI uri) {
		try {
			HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
			return http.send(request, BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	public static boolean portOpen(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
