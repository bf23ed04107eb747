package dev.keel.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A browser as far as a provider sign-in needs one: it keeps cookies (Keel's flow cookie)
 * and never follows a redirect by itself, so a test sees every hop.
 */
final class SignInBrowser {

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	HttpResponse<String> postForm(String url, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body)));
	}

	static String location(HttpResponse<String> response) {
		return response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError("No redirect: " + response.statusCode() + " " + response.body()));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError("Request failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
	}

	/** A query parameter of a URL, decoded. */
	static Optional<String> query(String url, String name) {
		String query = URI.create(url).getRawQuery();
		return Arrays.stream((query != null) ? query.split("&") : new String[0])
			.map((pair) -> pair.split("=", 2))
			.filter((pair) -> pair[0].equals(name) && pair.length == 2)
			.map((pair) -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8))
			.findFirst();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** An app's PKCE verifier (RFC 7636) and its S256 challenge. */
	record Verifier(String value) {

		private static final SecureRandom random = new SecureRandom();

		Verifier() {
			this(random());
		}

		String challenge() {
			try {
				return Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString(MessageDigest.getInstance("SHA-256")
						.digest(this.value.getBytes(StandardCharsets.US_ASCII)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static String random() {
			byte[] bytes = new byte[32];
			random.nextBytes(bytes);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}

	}

}
