package dev.keel.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin's access token, from the password grant of {@code POST /api/auth/token}
 * through the gateway. Access tokens live 15 minutes, so the benchmark logs in again
 * before each scenario rather than refreshing.
 */
public final class AdminSession {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI gateway;

	private final String email;

	private final String password;

	private volatile String token;

	private volatile Duration lifetime = Duration.ZERO;

	public AdminSession(HttpClient http, URI gateway, String email, String password) {
		this.http = http;
		this.gateway = gateway;
		this.email = email;
		this.password = password;
	}

	public String token() {
		return this.token;
	}

	/** How long the last token is valid. */
	public Duration lifetime() {
		return this.lifetime;
	}

	public void login() throws InterruptedException {
		String form = "grant_type=password&username=" + encode(this.email) + "&password=" + encode(this.password);
		HttpRequest request = HttpRequest.newBuilder(this.gateway.resolve("/api/auth/token"))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, BodyHandlers.ofString());
		}
		catch (ConnectException ex) {
			throw new BenchAbort("Nothing answers at " + this.gateway + ". Is the platform running? "
					+ "./keel status shows it; ./keel run --detach starts it.");
		}
		catch (IOException ex) {
			throw new BenchAbort("The login at " + this.gateway + " failed: " + ex);
		}
		if (response.statusCode() != 200) {
			throw new BenchAbort("Logging in as " + this.email + " failed (HTTP " + response.statusCode() + ": "
					+ response.body() + "). The platform must have this admin: by default ./keel run creates "
					+ "admin@keel.local unless KEEL_BOOTSTRAP_ADMIN_EMAIL/PASSWORD are set; otherwise pass "
					+ "--email and --password.");
		}
		JsonNode tokens = json.readTree(response.body());
		this.token = tokens.path("access_token").asString();
		this.lifetime = Duration.ofSeconds(tokens.path("expires_in").asLong(900));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
