package dev.keel.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import tools.jackson.databind.json.JsonMapper;

import dev.keel.bench.Operation.UnexpectedAnswer;

/**
 * The benchmark's own users and their password logins. Each login goes to the next user
 * in turn, so that no account has more than a login or two in flight: auth-service counts
 * every attempt against its account before checking the password, and more than five at
 * once for one account would be refused (429) rather than measured.
 */
final class BenchLogins {

	static final String DOMAIN = "bench.keel.local";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http;

	private final List<String> forms;

	private final AtomicInteger next = new AtomicInteger();

	private BenchLogins(HttpClient http, int users) {
		this.http = http;
		this.forms = IntStream.range(0, users)
			.mapToObj((i) -> "grant_type=password&username=" + encode(email(i)) + "&password=" + encode(password(i)))
			.toList();
	}

	/**
	 * Signs up the users that do not exist yet, on auth-service's own port (the gateway
	 * limits signups per client IP).
	 */
	static BenchLogins ensureUsers(HttpClient http, URI authService, int users)
			throws IOException, InterruptedException {
		for (int i = 0; i < users; i++) {
			String body = json.writeValueAsString(
					java.util.Map.of("email", email(i), "password", password(i), "displayName", "Bench login " + i));
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(authService.resolve("/api/auth/signup"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(body))
				.build(), BodyHandlers.ofString());
			if (response.statusCode() != 201 && response.statusCode() != 409) {
				throw new BenchAbort("Signing up the bench user " + email(i) + " failed (HTTP " + response.statusCode()
						+ ": " + response.body() + ").");
			}
		}
		return new BenchLogins(http, users);
	}

	static String email(int index) {
		return "bench-login-" + index + "@" + DOMAIN;
	}

	/** Not a secret: the users exist only to be logged in by this benchmark. */
	static String password(int index) {
		return "keel-bench-login-" + index + "-not-a-secret";
	}

	/** One login of the next user at {@code base}; anything but 200 is a failure. */
	Operation loginAt(URI base) {
		URI token = base.resolve("/api/auth/token");
		return () -> {
			String form = this.forms.get(Math.floorMod(this.next.getAndIncrement(), this.forms.size()));
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(token)
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString(form))
				.build(), BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new UnexpectedAnswer(response.statusCode() + " " + errorCode(response.body()));
			}
		};
	}

	/**
	 * Whether the gateway limits logins per client IP: its answers then carry
	 * {@code RateLimit-Limit}.
	 */
	boolean rateLimited(URI gateway) throws IOException, InterruptedException {
		HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(gateway.resolve("/api/auth/token"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(this.forms.getFirst()))
			.build(), BodyHandlers.discarding());
		return response.headers().firstValue("RateLimit-Limit").isPresent();
	}

	/** RFC 6749's {@code error}, or a problem's {@code code}. */
	static String errorCode(String body) {
		try {
			var tree = json.readTree(body);
			String error = tree.path("error").asString("");
			return error.isEmpty() ? tree.path("code").asString("") : error;
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
