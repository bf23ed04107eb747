package dev.keel.storage.tus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.keel.storage.StorageServiceApplication;
import dev.keel.storage.blob.BlobKeys;
import dev.keel.storage.blob.BlobStore;
import dev.keel.testing.EmbeddedInfrastructure;
import dev.keel.testing.JwksServer;
import dev.keel.testing.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tus protocol against the reference Java client (tus-java-client, written
 * independently of Keel) and raw HTTP: uploads in chunks end byte-identical, a chunk cut
 * off mid-way keeps what arrived and the client resumes from there, also after the
 * service restarts; a second chunk while one streams is refused; offsets, versions and
 * other users are checked. An upload ends as a file of its bucket, downloaded here
 * byte-identical.
 */
@ExtendWith(EmbeddedInfrastructure.class)
class TusIntegrationTests {

	static final TestTokens tokens = TestTokens.create();

	static final JwksServer jwks = JwksServer.start(tokens);

	static final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	static Path blobs;

	static ConfigurableApplicationContext service;

	static final long MAX = 10 * 1024 * 1024;

	@BeforeAll
	static void start() throws Exception {
		service = startService();
		HttpResponse<String> bucket = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/api/storage/buckets/files"))
				.header("Authorization", "Bearer " + tokens.token("admin-1", "admin"))
				.header("Content-Type", "application/json")
				.PUT(BodyPublishers.ofString("{\"access\":{\"read\":\"owner\",\"create\":\"authenticated\","
						+ "\"update\":\"owner\",\"delete\":\"owner\"},\"maxFileSize\":" + MAX
						+ ",\"allowedTypes\":[\"application/octet-stream\",\"image/*\"]}"))
				.build(), BodyHandlers.ofString());
		assertThat(bucket.statusCode()).as(bucket.body()).isIn(200, 201);
	}

	@AfterAll
	static void stop() {
		if (service != null) {
			service.close();
		}
		jwks.close();
	}

	@Test
	void theReferenceClientUploadsInChunksAndTheFileEndsByteIdentical() throws Exception {
		byte[] content = randomBytes(3 * 1024 * 1024 + 17);
		String user = newUser();

		TusUploader uploader = client(user).createUpload(upload(content, "photo.bin"));
		uploader.setChunkSize(256 * 1024);
		while (uploader.uploadChunk() > -1) {
			// Chunk after chunk.
		}
		uploader.finish();

		assertThat(finished(uploader.getUploadURL(), user)).isEqualTo(content);
	}

	@Test
	void aChunkCutOffMidwayKeepsWhatArrivedAndTheClientResumesFromThere() throws Exception {
		byte[] content = randomBytes(2 * 1024 * 1024);
		String user = newUser();
		TusURLMemoryStore urls = new TusURLMemoryStore();
		TusUpload upload = upload(content, "cut.bin");
		URL url = client(user, urls).createUpload(upload).getUploadURL();

		sendThenHangUp(url, user, 0, content, 700_000);
		long offset = awaitOffset(url, user, 700_000);
		assertThat(offset).isEqualTo(700_000);

		TusUploader resumed = client(user, urls).resumeUpload(upload);
		assertThat(resumed.getOffset()).isEqualTo(700_000);
		while (resumed.uploadChunk() > -1) {
			// The rest.
		}
		resumed.finish();

		assertThat(finished(url, user)).isEqualTo(content);
	}

	@Test
	void anUploadCutOffBeforeARestartResumesOnTheRestartedService() throws Exception {
		byte[] content = randomBytes(1024 * 1024 + 3);
		String user = newUser();
		TusURLMemoryStore urls = new TusURLMemoryStore();
		TusUpload upload = upload(content, "restart.bin");
		URL url = client(user, urls).createUpload(upload).getUploadURL();
		sendThenHangUp(url, user, 0, content, 300_000);
		awaitOffset(url, user, 300_000);

		service.close();
		service = startService();

		URL moved = URI.create(url.toString().replaceFirst(":\\d+/", ":" + port() + "/")).toURL();
		urls.set(upload.getFingerprint(), moved);
		TusUploader resumed = client(user, urls).resumeUpload(upload);
		assertThat(resumed.getOffset()).isEqualTo(300_000);
		while (resumed.uploadChunk() > -1) {
			// The rest.
		}
		resumed.finish();
		assertThat(finished(moved, user)).isEqualTo(content);
	}

	@Test
	void aSecondChunkWhileOneStreamsIsRefused() throws Exception {
		byte[] content = randomBytes(100_000);
		String user = newUser();
		URL url = client(user).createUpload(upload(content, "busy.bin")).getUploadURL();

		try (Socket slow = new Socket("localhost", port())) {
			OutputStream out = slow.getOutputStream();
			out.write(patchHead(url, user, 0, content.length));
			out.write(content, 0, 1000);
			out.flush();
			await().atMost(Duration.ofSeconds(10)).until(() -> patch(url, user, 0, content).statusCode() == 423);
			HttpResponse<String> refused = patch(url, user, 0, content);
			assertThat(refused.statusCode()).isEqualTo(423);
			assertThat(refused.body()).contains("\"code\":\"upload_locked\"");
		}
	}

	@Test
	void aChunkAtAnotherOffsetIsAConflictAndNothingChanges() throws Exception {
		byte[] content = randomBytes(10_000);
		String user = newUser();
		URL url = client(user).createUpload(upload(content, "offset.bin")).getUploadURL();

		HttpResponse<String> wrong = patch(url, user, 5_000, content);

		assertThat(wrong.statusCode()).isEqualTo(409);
		assertThat(wrong.body()).contains("\"code\":\"offset_mismatch\"");
		assertThat(head(url, user).headers().firstValue("Upload-Offset")).hasValue("0");
	}

	@Test
	void anotherUsersUploadIsNotFound() throws Exception {
		byte[] content = randomBytes(1_000);
		URL url = client(newUser()).createUpload(upload(content, "mine.bin")).getUploadURL();

		assertThat(head(url, newUser()).statusCode()).isEqualTo(404);
		assertThat(patch(url, newUser(), 0, content).statusCode()).isEqualTo(404);
	}

	@Test
	void optionsSayWhatTheServerSpeaksAndOtherVersionsAreRefused() throws Exception {
		HttpResponse<String> options = http.send(
				HttpRequest.newBuilder(uploads()).method("OPTIONS", BodyPublishers.noBody()).build(),
				BodyHandlers.ofString());
		assertThat(options.headers().firstValue("Tus-Version")).hasValue("1.0.0");
		assertThat(options.headers().firstValue("Tus-Extension")).hasValue("creation,termination,expiration");

		HttpResponse<String> old = http.send(HttpRequest.newBuilder(uploads())
			.header("Authorization", "Bearer " + tokens.token(newUser()))
			.header("Tus-Resumable", "0.2.2")
			.header("Upload-Length", "10")
			.POST(BodyPublishers.noBody())
			.build(), BodyHandlers.ofString());
		assertThat(old.statusCode()).isEqualTo(412);
		assertThat(old.headers().firstValue("Tus-Version")).hasValue("1.0.0");
	}

	@Test
	void aTerminatedUploadIsGoneWithItsChunks() throws Exception {
		byte[] content = randomBytes(50_000);
		String user = newUser();
		URL url = client(user).createUpload(upload(content, "gone.bin")).getUploadURL();
		patch(url, user, 0, java.util.Arrays.copyOf(content, 20_000));
		String id = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
		assertThat(blobStore().exists(BlobKeys.uploadChunk(id, 0))).isTrue();

		HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(url.toURI())
			.header("Authorization", "Bearer " + tokens.token(user))
			.header("Tus-Resumable", "1.0.0")
			.DELETE()
			.build(), BodyHandlers.ofString());

		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(head(url, user).statusCode()).isEqualTo(404);
		assertThat(blobStore().exists(BlobKeys.uploadChunk(id, 0))).isFalse();
	}

	@Test
	void anUploadTakesABoundedNumberOfChunksAndTheLastMustCompleteIt() throws Exception {
		byte[] content = randomBytes(100);
		String user = newUser();
		URL url = client(user).createUpload(upload(content, "chunks.bin")).getUploadURL();
		assertThat(patch(url, user, 0, java.util.Arrays.copyOf(content, 50)).statusCode()).isEqualTo(204);
		assertThat(patch(url, user, 50, new byte[] { content[50] }).statusCode()).isEqualTo(204);
		assertThat(patch(url, user, 51, new byte[] { content[51] }).statusCode()).isEqualTo(204);

		HttpResponse<String> fourth = patch(url, user, 52, new byte[] { content[52] });
		HttpResponse<String> last = patch(url, user, 52, java.util.Arrays.copyOfRange(content, 52, 100));

		assertThat(fourth.statusCode()).isEqualTo(400);
		assertThat(fourth.body()).contains("\"code\":\"too_many_chunks\"");
		assertThat(last.statusCode()).isEqualTo(204);
		assertThat(finished(url, user)).isEqualTo(content);
	}

	@Test
	void aChunkPastTheLengthIsRefusedAndNothingIsKept() throws Exception {
		byte[] content = randomBytes(1_000);
		String user = newUser();
		URL url = client(user).createUpload(upload(content, "short.bin")).getUploadURL();

		HttpResponse<String> tooLong = patch(url, user, 0, randomBytes(1_001));

		assertThat(tooLong.statusCode()).isEqualTo(413);
		assertThat(head(url, user).headers().firstValue("Upload-Offset")).hasValue("0");
	}

	@Test
	void aDisallowedTypeIsRefusedAtTheFirstChunk() throws Exception {
		byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		String user = newUser();
		URL url = client(user).createUpload(upload(page, "page.png")).getUploadURL();

		HttpResponse<String> refused = patch(url, user, 0, page);

		assertThat(refused.statusCode()).isEqualTo(415);
		assertThat(head(url, user).statusCode()).isEqualTo(404);
	}

	@Test
	void anUploadLargerThanTheBucketAllowsIsRefusedAtCreation() throws Exception {
		HttpResponse<String> tooLarge = http.send(HttpRequest.newBuilder(uploads())
			.header("Authorization", "Bearer " + tokens.token(newUser()))
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", Long.toString(MAX + 1))
			.header("Upload-Metadata", "filename " + java.util.Base64.getEncoder().encodeToString("x".getBytes()))
			.POST(BodyPublishers.noBody())
			.build(), BodyHandlers.ofString());

		assertThat(tooLarge.statusCode()).isEqualTo(413);
	}

	private static ConfigurableApplicationContext startService() {
		return new SpringApplicationBuilder(StorageServiceApplication.class).run("--server.port=0",
				"--management.server.port=0", "--eureka.client.enabled=false",
				"--spring.mongodb.database=storage_tus_tests", "--keel.storage.dir=" + blobs,
				"--keel.security.jwk-set-uri=" + jwks.uri(), "--keel.security.load-balanced=false",
				"--keel.security.issuer=" + tokens.issuer(), "--keel.storage.upload-max-chunks=4");
	}

	private static int port() {
		return ((WebServerApplicationContext) service).getWebServer().getPort();
	}

	private static URI uploads() {
		return URI.create("http://localhost:" + port() + "/api/storage/buckets/files/uploads");
	}

	private static BlobStore blobStore() {
		return service.getBean(BlobStore.class);
	}

	private static TusClient client(String user) throws IOException {
		return client(user, null);
	}

	private static TusClient client(String user, TusURLMemoryStore urls) throws IOException {
		TusClient client = new TusClient();
		client.setUploadCreationURL(uploads().toURL());
		client.setHeaders(Map.of("Authorization", "Bearer " + tokens.token(user)));
		if (urls != null) {
			client.enableResuming(urls);
		}
		return client;
	}

	private static TusUpload upload(byte[] content, String name) {
		TusUpload upload = new TusUpload();
		upload.setInputStream(new ByteArrayInputStream(content));
		upload.setSize(content.length);
		upload.setFingerprint(UUID.randomUUID().toString());
		upload.setMetadata(Map.of("filename", name));
		return upload;
	}

	/** What the upload became: its file's content, downloaded by its owner. */
	private static byte[] finished(URL url, String user) throws Exception {
		HttpResponse<String> status = head(url, user);
		String objectId = status.headers().firstValue(TusController.OBJECT_ID).orElse(null);
		assertThat(objectId).as("the upload's file").isNotNull();
		HttpResponse<byte[]> content = http.send(HttpRequest
			.newBuilder(URI
				.create("http://localhost:" + port() + "/api/storage/buckets/files/objects/" + objectId + "/content"))
			.header("Authorization", "Bearer " + tokens.token(user))
			.build(), BodyHandlers.ofByteArray());
		assertThat(content.statusCode()).isEqualTo(200);
		return content.body();
	}

	private static HttpResponse<String> head(URL url, String user) throws Exception {
		return http.send(HttpRequest.newBuilder(url.toURI())
			.header("Tus-Resumable", "1.0.0")
			.header("Authorization", "Bearer " + tokens.token(user))
			.method("HEAD", BodyPublishers.noBody())
			.build(), BodyHandlers.ofString());
	}

	private static HttpResponse<String> patch(URL url, String user, long offset, byte[] chunk) throws Exception {
		return http.send(HttpRequest.newBuilder(url.toURI())
			.header("Authorization", "Bearer " + tokens.token(user))
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", Long.toString(offset))
			.header("Content-Type", "application/offset+octet-stream")
			.method("PATCH", BodyPublishers.ofByteArray(chunk))
			.build(), BodyHandlers.ofString());
	}

	private static long awaitOffset(URL url, String user, long expected) {
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			HttpResponse<String> status = head(url, user);
			return status.headers().firstValue("Upload-Offset").map(Long::parseLong).orElse(-1L) == expected;
		});
		return expected;
	}

	/**
	 * A PATCH that announces the whole rest but sends only {@code sent} bytes, then hangs
	 * up.
	 */
	private static void sendThenHangUp(URL url, String user, long offset, byte[] content, int sent) throws Exception {
		try (Socket socket = new Socket("localhost", url.getPort())) {
			OutputStream out = socket.getOutputStream();
			out.write(patchHead(url, user, offset, content.length - offset));
			out.write(content, (int) offset, sent);
			out.flush();
			Thread.sleep(300);
		}
	}

	private static byte[] patchHead(URL url, String user, long offset, long length) {
		return ("PATCH " + url.getPath() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + tokens.token(user)
				+ "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: " + offset
				+ "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + length + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	private static String newUser() {
		return "user-" + UUID.randomUUID();
	}

	private static byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

}
