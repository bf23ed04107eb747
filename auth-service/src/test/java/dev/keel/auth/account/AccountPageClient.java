package dev.keel.auth.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser's view of the account pages, for tests. */
final class AccountPageClient {

	static final String FORM = "application/x-www-form-urlencoded";

	private static final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	AccountPageClient(int port) {
		this.port = port;
	}

	/**
	 * GETs a page and returns its HTML, checking the status and the content type. The
	 * query is sent as written, already encoded, as in a link from an email.
	 */
	String get(String pathAndQuery, int status) {
		return html(send("GET", pathAndQuery, null, null), status);
	}

	/** Submits a form as a browser does and returns the HTML answered. */
	String submit(String path, Map<String, String> fields, int status) {
		return html(send("POST", path, FORM, encode(fields)), status);
	}

	/**
	 * Sends any request.
	 * @param contentType {@code null} for none
	 * @param body {@code null} for none
	 */
	HttpResponse<String> send(String method, String pathAndQuery, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + pathAndQuery))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		try {
			return http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String encode(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	static String html(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).startsWith("<!DOCTYPE html>").doesNotContain("<script");
		return response.body();
	}

}
