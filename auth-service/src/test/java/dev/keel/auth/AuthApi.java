package dev.keel.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** auth-service's HTTP API as a client sees it, for tests. */
public final class AuthApi {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	public AuthApi(int port) {
		this.port = port;
	}

	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** A form-encoded POST, as RFC 6749 clients send. Header pairs follow the form. */
	public HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
		String body = form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return post(path, "application/x-www-form-urlencoded", body, headers);
	}

	public HttpResponse<String> postJson(String path, Object body, String... headers) {
		return post(path, "application/json", json.writeValueAsString(body), headers);
	}

	public HttpResponse<String> patchJson(String path, Object body, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(url(path)))
			.method("PATCH", BodyPublishers.ofString(json.writeValueAsString(body)))
			.header("Content-Type", "application/json"), headers);
	}

	/**
	 * @param contentType {@code null} for none
	 */
	public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).POST(BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request, headers);
	}

	public HttpResponse<String> get(String path, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), headers);
	}

	public HttpResponse<String> delete(String path, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(url(path))).DELETE(), headers);
	}

	/** A DELETE with a JSON body, as removing a second factor takes its code. */
	public HttpResponse<String> deleteJson(String path, Object body, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(url(path)))
			.method("DELETE", BodyPublishers.ofString(json.writeValueAsString(body)))
			.header("Content-Type", "application/json"), headers);
	}

	public HttpResponse<String> passwordGrant(String email, String password) {
		return postForm("/api/auth/token", form("grant_type", "password", "username", email, "password", password));
	}

	public HttpResponse<String> refreshGrant(String refreshToken) {
		return postForm("/api/auth/token", form("grant_type", "refresh_token", "refresh_token", refreshToken));
	}

	/** Logs in with the test password and returns the token response. */
	public JsonNode login(String email) {
		HttpResponse<String> response = passwordGrant(email, TestAccounts.PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return body(response);
	}

	/** Logs in and returns the access token. */
	public String accessToken(String email) {
		return login(email).path("access_token").asString();
	}

	public static String[] bearer(String accessToken) {
		return new String[] { "Authorization", "Bearer " + accessToken };
	}

	public static String[] basic(String clientId, String secret) {
		String credentials = encode(clientId) + ":" + encode(secret);
		return new String[] { "Authorization",
				"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)) };
	}

	public static Map<String, String> form(String... pairs) {
		Map<String, String> form = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.put(pairs[i], pairs[i + 1]);
		}
		return form;
	}

	public static JsonNode body(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	/** The claims of a JWT, read without verifying it. */
	public static JWTClaimsSet claims(String jwt) {
		try {
			return SignedJWT.parse(jwt).getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw new AssertionError("Not a JWT: " + jwt, ex);
		}
	}

	public static String kid(String jwt) {
		try {
			return SignedJWT.parse(jwt).getHeader().getKeyID();
		}
		catch (ParseException ex) {
			throw new AssertionError("Not a JWT: " + jwt, ex);
		}
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError("Request failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
