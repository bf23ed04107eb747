package dev.keel.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The requests of {@code keel bench events}, to one base URL (the gateway, or one
 * data-service instance for the direct burst): the admin defines and deletes its
 * collection, {@value #COLLECTION}; the subscriber subscribes to it; the author creates
 * documents in it. Every answer's status is checked.
 */
final class EventsApi {

	static final String COLLECTION = "bench_events";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI base;

	EventsApi(HttpClient http, URI base) {
		this.http = http;
		this.base = base;
	}

	void define(String admin) throws Exception {
		String body = json.writeValueAsString(BenchItems.definition());
		DataApi.expect(send(request(collection(), admin).PUT(BodyPublishers.ofString(body))), "define " + COLLECTION,
				200, 201);
	}

	/** Deletes the collection; true when it existed. */
	boolean delete(String admin) throws Exception {
		return DataApi.expect(send(request(collection(), admin).DELETE()), "delete " + COLLECTION, 204, 404)
			.statusCode() == 204;
	}

	/** Subscribes the user to the collection's changes; returns the subscription's id. */
	String subscribe(String subscriber) throws Exception {
		String body = json.writeValueAsString(Map.of("collection", COLLECTION));
		HttpResponse<byte[]> response = DataApi
			.expect(send(request(this.base.resolve("/api/notifications/subscriptions"), subscriber)
				.POST(BodyPublishers.ofString(body))), "subscribe", 201);
		return json.readTree(response.body()).path("id").asString();
	}

	void unsubscribe(String subscriber, String subscription) throws Exception {
		DataApi.expect(send(
				request(this.base.resolve("/api/notifications/subscriptions/" + subscription), subscriber).DELETE()),
				"unsubscribe", 204, 404);
	}

	/** Creates a document as the author; returns its id. */
	String create(String author) throws Exception {
		HttpResponse<byte[]> response = DataApi.expect(send(createRequest(author)), "create", 201);
		return json.readTree(response.body()).path("_id").asString();
	}

	/** One create of the burst. */
	Operation createOperation(String author) {
		return () -> DataApi.expect(send(createRequest(author)), "create", 201);
	}

	private HttpRequest.Builder createRequest(String author) {
		return request(URI.create(collection() + "/documents"), author)
			.POST(BodyPublishers.ofString(BenchItems.random().json()));
	}

	private URI collection() {
		return this.base.resolve("/api/data/collections/" + COLLECTION);
	}

	private HttpRequest.Builder request(URI uri, String token) {
		return HttpRequest.newBuilder(uri)
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json");
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), BodyHandlers.ofByteArray());
	}

}
