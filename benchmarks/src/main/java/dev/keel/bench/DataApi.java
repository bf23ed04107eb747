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
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.keel.bench.Operation.UnexpectedAnswer;

/**
 * data-service's document API at one base URL (the gateway, or one instance directly),
 * with the admin's current access token: the setup requests and the three measured
 * operations. Every answer's status is checked; a wrong one becomes a failure named by
 * status and problem {@code code}.
 */
final class DataApi {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI base;

	private final Supplier<String> token;

	DataApi(HttpClient http, URI base, Supplier<String> token) {
		this.http = http;
		this.base = base;
		this.token = token;
	}

	URI base() {
		return this.base;
	}

	void define() throws Exception {
		String body = json.writeValueAsString(BenchItems.definition());
		expect(send(request(collection()).PUT(BodyPublishers.ofString(body))), "define " + BenchItems.COLLECTION, 200,
				201);
	}

	/** Deletes the collection; true when it existed. */
	boolean delete() throws Exception {
		return expect(send(request(collection()).DELETE()), "delete " + BenchItems.COLLECTION, 204, 404)
			.statusCode() == 204;
	}

	/** Creates a document and returns its id. */
	String create(BenchItems.Item item) throws Exception {
		HttpResponse<byte[]> response = expect(send(request(documents()).POST(BodyPublishers.ofString(item.json()))),
				"create", 201);
		return json.readTree(response.body()).path("_id").asString();
	}

	/** One page of the query, parsed, to check that data-service filters as asked. */
	List<JsonNode> queryPage() throws Exception {
		HttpResponse<byte[]> response = expect(send(request(query()).GET()), "query", 200);
		return json.readTree(response.body()).path("items").valueStream().toList();
	}

	Operation createOperation() {
		return () -> expect(send(request(documents()).POST(BodyPublishers.ofString(BenchItems.random().json()))),
				"create", 201);
	}

	Operation getOperation(List<String> ids) {
		return () -> {
			String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
			expect(send(request(URI.create(documents() + "/" + id)).GET()), "get", 200);
		};
	}

	Operation queryOperation() {
		URI query = query();
		return () -> expect(send(request(query).GET()), "query", 200);
	}

	private URI collection() {
		return this.base.resolve("/api/data/collections/" + BenchItems.COLLECTION);
	}

	private URI documents() {
		return URI.create(collection() + "/documents");
	}

	private URI query() {
		return URI.create(documents() + "?filter=" + URLEncoder.encode(BenchItems.FILTER, StandardCharsets.UTF_8)
				+ "&limit=" + BenchItems.PAGE);
	}

	private HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri)
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + this.token.get())
			.header("Content-Type", "application/json");
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), BodyHandlers.ofByteArray());
	}

	static HttpResponse<byte[]> expect(HttpResponse<byte[]> response, String what, int... statuses)
			throws UnexpectedAnswer {
		for (int status : statuses) {
			if (response.statusCode() == status) {
				return response;
			}
		}
		throw new UnexpectedAnswer(what + ": HTTP " + response.statusCode() + problemCode(response.body()));
	}

	/**
	 * The problem's {@code code} (or OAuth2 {@code error}), for telling failures apart.
	 */
	private static String problemCode(byte[] body) {
		try {
			JsonNode problem = json.readTree(body);
			String code = problem.path("code").asString(problem.path("error").asString(""));
			return code.isEmpty() ? "" : " " + code;
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

}
