package dev.keel.system;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buckets and files for the storage-service journeys (API.md §7), through the gateway as
 * a client app sends them: raw and multipart uploads, and downloads of the bytes.
 */
final class StorageFixtures {

	static final String BUCKETS = "/api/storage/buckets/";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private StorageFixtures() {
	}

	/** Defines a new bucket as the admin and returns its name. */
	static String defineBucket(String admin, Map<String, String> access, Map<String, Object> limits) {
		String name = DataFixtures.newCollectionName();
		Map<String, Object> definition = new LinkedHashMap<>(limits);
		definition.put("access", access);
		Reply reply = Api.put(BUCKETS + name, admin, definition);
		assertThat(reply.status()).as(DataFixtures.describe(reply)).isEqualTo(201);
		return name;
	}

	static String objects(String bucket) {
		return BUCKETS + bucket + "/objects";
	}

	static String object(String bucket, String id) {
		return objects(bucket) + "/" + id;
	}

	static String content(String bucket, String id) {
		return object(bucket, id) + "/content";
	}

	/** A raw upload: the bytes are the body, the name a query parameter. */
	static Reply uploadRaw(String bearer, String bucket, String name, String contentType, byte[] bytes) {
		return send(request(objects(bucket) + "?name=" + DataFixtures.encode(name), bearer)
			.header("Content-Type", contentType)
			.POST(BodyPublishers.ofByteArray(bytes)));
	}

	/** A multipart/form-data upload with the file in the part named {@code file}. */
	static Reply uploadMultipart(String bearer, String bucket, String filename, String contentType, byte[] bytes) {
		String boundary = "keel-" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(objects(bucket), bearer).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** Uploads raw bytes, which must succeed, and returns the object view. */
	static JsonNode upload(String bearer, String bucket, String name, byte[] bytes) {
		Reply reply = uploadRaw(bearer, bucket, name, "application/octet-stream", bytes);
		assertThat(reply.status()).as(DataFixtures.describe(reply)).isEqualTo(201);
		return reply.body();
	}

	/** A GET of bytes (a file's content), with any extra headers. */
	static HttpResponse<byte[]> download(String path, String bearer, String... headers) {
		HttpRequest.Builder builder = request(path, bearer).GET();
		if (headers.length > 0) {
			builder.headers(headers);
		}
		try {
			HttpResponse<byte[]> response = http.send(builder.build(), BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as(path).isLessThan(500);
			return response;
		}
		catch (Exception ex) {
			throw new AssertionError("GET " + path + " failed: " + ex.getMessage(), ex);
		}
	}

	/** The ids in the first page of a bucket's listing, as the caller sees it. */
	static List<String> listedIds(String bearer, String bucket) {
		Reply reply = Api.get(objects(bucket) + "?limit=100", bearer);
		assertThat(reply.status()).as(DataFixtures.describe(reply)).isEqualTo(200);
		return reply.body().path("items").valueStream().map((item) -> item.path("id").asString()).toList();
	}

	static byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

	private static HttpRequest.Builder request(String path, String bearer) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(DataFixtures.resolve(path)))
			.timeout(Duration.ofSeconds(60));
		if (bearer != null) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		return builder;
	}

	private static Reply send(HttpRequest.Builder builder) {
		HttpRequest request = builder.build();
		try {
			Reply reply = new Reply(http.send(request, BodyHandlers.ofString()));
			assertThat(reply.status()).as(DataFixtures.describe(reply)).isLessThan(500);
			return reply;
		}
		catch (Exception ex) {
			throw new AssertionError(request.method() + " " + request.uri() + " failed: " + ex.getMessage(), ex);
		}
	}

}
