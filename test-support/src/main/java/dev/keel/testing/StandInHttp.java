package dev.keel.testing;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** The plain HTTP of {@link GitHubStandIn}: forms, answers, random tokens, PKCE. */
final class StandInHttp {

	private static final SecureRandom random = new SecureRandom();

	private StandInHttp() {
	}

	static Map<String, String> form(HttpExchange exchange) throws IOException {
		return parameters(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
	}

	static Map<String, String> parameters(String encoded) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return parameters;
		}
		for (String pair : encoded.split("&")) {
			String[] parts = pair.split("=", 2);
			parameters.putIfAbsent(decode(parts[0]), (parts.length > 1) ? decode(parts[1]) : "");
		}
		return parameters;
	}

	static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	static String token() {
		byte[] bytes = new byte[20];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	static String s256(String verifier) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(
						MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
