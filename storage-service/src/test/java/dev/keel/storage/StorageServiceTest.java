package dev.keel.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import dev.keel.storage.blob.S3Clients;
import dev.keel.storage.config.StorageProperties;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.JwksServer;
import dev.keel.testing.TestTokens;

/**
 * storage-service on a real Kafka broker and MongoDB-wire store, with a blob folder of
 * its own, called over real HTTP with tokens from a test JWKS. Test classes extending it
 * share one application context.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "eureka.client.enabled=false",
				"spring.mongodb.database=storage_tests", "keel.storage.max-file-size=64MB",
				"keel.storage.signed-url-max-expiry=10m" })
public abstract class StorageServiceTest {

	protected static final TestTokens tokens = TestTokens.create();

	protected static final JwksServer jwks = JwksServer.start(tokens);

	protected static final JsonMapper json = JsonMapper.builder().build();

	/** The blob folder, shared by every test class of the context. */
	protected static final Path blobs = folder();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@LocalServerPort
	protected int port;

	@Autowired
	private StorageProperties storage;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("keel.security.jwk-set-uri", jwks::uri);
		registry.add("keel.security.load-balanced", () -> false);
		registry.add("keel.security.issuer", tokens::issuer);
		registry.add("keel.storage.dir", blobs::toString);
	}

	protected static String admin() {
		return tokens.token("admin-1", "admin");
	}

	protected static String user(String subject) {
		return tokens.token(subject);
	}

	/** A new bucket with a unique name and the given definition. */
	protected String bucket(Map<String, Object> definition) {
		String name = "b-" + UUID.randomUUID().toString().substring(0, 8);
		Reply reply = send("PUT", "/api/storage/buckets/" + name, admin(),
				BodyPublishers.ofString(json.writeValueAsString(definition)),
				Map.of("Content-Type", "application/json"));
		if (reply.status() != 201) {
			throw new AssertionError("Could not define " + name + ": " + reply.text());
		}
		return name;
	}

	protected static Map<String, Object> access(String read, String create, String delete) {
		return Map.of("access", Map.of("read", read, "create", create, "update", "owner", "delete", delete));
	}

	/** Uploads the raw bytes with {@code ?name=}. */
	protected Reply uploadRaw(String bucket, String name, byte[] content, String contentType, String token) {
		return send("POST", "/api/storage/buckets/" + bucket + "/objects?name=" + encode(name), token,
				BodyPublishers.ofByteArray(content), Map.of("Content-Type", contentType));
	}

	/** Uploads as multipart/form-data with the file in the part {@code file}. */
	protected Reply uploadMultipart(String bucket, String filename, byte[] content, String partType, String token) {
		String boundary = "keel-" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + partType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return send("POST", "/api/storage/buckets/" + bucket + "/objects", token,
				BodyPublishers.ofByteArrays(List.of(head, content, tail)),
				Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
	}

	protected Reply get(String path, String token) {
		return send("GET", path, token, BodyPublishers.noBody(), Map.of());
	}

	protected Reply get(String path, String token, Map<String, String> headers) {
		return send("GET", path, token, BodyPublishers.noBody(), headers);
	}

	protected Reply post(String path, String token, Object body) {
		return send("POST", path, token, BodyPublishers.ofString(json.writeValueAsString(body)),
				Map.of("Content-Type", "application/json"));
	}

	protected Reply delete(String path, String token) {
		return send("DELETE", path, token, BodyPublishers.noBody(), Map.of());
	}

	/** One request; a 5xx fails the test, because no client request may cause one. */
	protected Reply send(String method, String path, String token, BodyPublisher body, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(), method, path, token, body, headers);
	}

	protected Reply send(HttpRequest.Builder request, String method, String path, String token, BodyPublisher body,
			Map<String, String> headers) {
		request.uri(URI.create("http://localhost:" + this.port + path)).timeout(Duration.ofSeconds(60));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		request.method(method, body);
		try {
			HttpResponse<byte[]> response = http.send(request.build(), BodyHandlers.ofByteArray());
			if (response.statusCode() >= 500) {
				throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": "
						+ new String(response.body(), StandardCharsets.UTF_8));
			}
			return new Reply(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Every blob, as the path it has (or would have, on S3) below the blob folder: the
	 * regular files of the folder with the local backend, the objects of the S3 bucket
	 * with the S3 backend, so that the same tests run on both.
	 */
	protected List<Path> blobFiles() {
		if ("s3".equals(this.storage.backend())) {
			StorageProperties.S3 s3 = this.storage.s3();
			try (S3Client client = S3Clients.create(s3.endpoint(), s3.region(), s3.accessKey(), s3.secretKey(),
					s3.pathStyle())) {
				return client.listObjectsV2Paginator((request) -> request.bucket(s3.bucket()))
					.contents()
					.stream()
					.map((object) -> blobs.resolve(object.key()))
					.toList();
			}
		}
		try (Stream<Path> paths = Files.walk(blobs)) {
			return paths.filter(Files::isRegularFile).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	protected static byte[] randomBytes(int size, long seed) {
		byte[] bytes = new byte[size];
		new java.util.Random(seed).nextBytes(bytes);
		return bytes;
	}

	protected static String encode(String text) {
		return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static Path folder() {
		try {
			// A folder of its own around the blob folder, so tests can see that nothing
			// lands beside it.
			Path folder = Files.createTempDirectory("keel-storage-tests");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(folder.toFile())));
			return Files.createDirectory(folder.resolve("blobs"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An answer.
	 *
	 * @param status the status
	 * @param body the body
	 * @param response the whole response
	 */
	public record Reply(int status, byte[] body, HttpResponse<byte[]> response) {

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return StorageServiceTest.json.readTree(this.body);
		}

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		public String code() {
			return json().path("code").asString();
		}

	}

}
