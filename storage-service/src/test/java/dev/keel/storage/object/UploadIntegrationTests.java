package dev.keel.storage.object;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keel.storage.StorageServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

class UploadIntegrationTests extends StorageServiceTest {

	static final byte[] PNG_HEADER = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
			'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0 };

	@Test
	void aMultipartUploadDownloadsByteIdentical() throws Exception {
		String bucket = bucket(access("authenticated", "authenticated", "owner"));
		byte[] content = randomBytes(3 * 1024 * 1024 + 17, 1);

		Reply uploaded = uploadMultipart(bucket, "data.bin", content, "image/png", user("user-1"));

		assertThat(uploaded.status()).isEqualTo(201);
		String id = uploaded.json().path("id").asString();
		assertThat(uploaded.header("Location")).isEqualTo("/api/storage/buckets/" + bucket + "/objects/" + id);
		assertThat(uploaded.json().path("name").asString()).isEqualTo("data.bin");
		assertThat(uploaded.json().path("size").asLong()).isEqualTo(content.length);
		assertThat(uploaded.json().path("contentType").asString()).isEqualTo("application/octet-stream");
		assertThat(uploaded.json().path("sha256").asString()).isEqualTo(sha256(content));
		assertThat(uploaded.json().path("owner").asString()).isEqualTo("user-1");
		assertThat(uploaded.header("ETag")).isEqualTo("\"" + sha256(content) + "\"");
		Reply downloaded = get("/api/storage/buckets/" + bucket + "/objects/" + id + "/content", user("user-2"));
		assertThat(downloaded.status()).isEqualTo(200);
		assertThat(downloaded.body()).isEqualTo(content);
	}

	@Test
	void aRawUploadDownloadsByteIdentical() {
		String bucket = bucket(access("public", "public", "public"));
		byte[] content = randomBytes(5 * 1024 * 1024, 2);

		Reply uploaded = uploadRaw(bucket, "raw.bin", content, "application/octet-stream", null);

		assertThat(uploaded.status()).isEqualTo(201);
		assertThat(uploaded.json().path("owner").isNull()).isTrue();
		String id = uploaded.json().path("id").asString();
		assertThat(get("/api/storage/buckets/" + bucket + "/objects/" + id + "/content", null).body())
			.isEqualTo(content);
	}

	@Test
	void aNameFieldBeforeTheFileNamesIt() {
		String bucket = bucket(access("public", "public", "public"));
		String boundary = "b0undary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nrésumé.txt\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.txt\"\r\n\r\nhello\r\n--"
				+ boundary + "--\r\n";

		Reply reply = send("POST", "/api/storage/buckets/" + bucket + "/objects", null,
				BodyPublishers.ofString(body, StandardCharsets.UTF_8),
				Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.json().path("name").asString()).isEqualTo("résumé.txt");
		assertThat(reply.json().path("contentType").asString()).isEqualTo("text/plain");
	}

	@Test
	void aDeclaredSizeOverTheLimitIsRefusedBeforeTheBodyIsSent() {
		String bucket = bucket(Map.of("access", open(), "maxFileSize", 1000));
		List<Path> before = blobFiles();

		Reply reply = send(HttpRequest.newBuilder().expectContinue(true), "POST",
				"/api/storage/buckets/" + bucket + "/objects?name=big.bin", null,
				BodyPublishers.ofByteArray(new byte[1001]), Map.of("Content-Type", "application/octet-stream"));

		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.code()).isEqualTo("file_too_large");
		assertThat(blobFiles()).hasSameElementsAs(before);
	}

	@Test
	void aFileThatGrowsPastTheLimitWhileStreamingIsRefusedAndNothingIsKept() {
		String bucket = bucket(Map.of("access", open(), "maxFileSize", 100_000));
		List<Path> before = blobFiles();
		byte[] content = randomBytes(300_000, 3);

		Reply chunked = send("POST", "/api/storage/buckets/" + bucket + "/objects?name=big.bin", null,
				BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(content)),
				Map.of("Content-Type", "application/octet-stream"));
		Reply multipart = uploadMultipart(bucket, "big.bin", content, "application/octet-stream", null);

		assertThat(chunked.status()).isEqualTo(413);
		assertThat(chunked.code()).isEqualTo("file_too_large");
		assertThat(multipart.status()).isEqualTo(413);
		assertThat(multipart.code()).isEqualTo("file_too_large");
		assertThat(blobFiles()).hasSameElementsAs(before);
		assertThat(get("/api/storage/buckets/" + bucket + "/objects", null).json().path("items")).isEmpty();
	}

	@Test
	void anUploadCutOffMidwayKeepsNothing() throws Exception {
		String bucket = bucket(Map.of("access", open()));
		List<Path> before = blobFiles();

		try (java.net.Socket socket = new java.net.Socket("localhost", this.port)) {
			java.io.OutputStream out = socket.getOutputStream();
			out.write(("POST /api/storage/buckets/" + bucket + "/objects?name=cut.bin HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/octet-stream\r\nContent-Length: 1000000\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(randomBytes(200_000, 5));
			out.flush();
		}

		org.awaitility.Awaitility.await()
			.during(java.time.Duration.ofMillis(500))
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> blobFiles().size() == before.size());
		assertThat(blobFiles()).hasSameElementsAs(before);
		assertThat(get("/api/storage/buckets/" + bucket + "/objects", null).json().path("items")).isEmpty();
	}

	@Test
	void theTypeIsDetectedFromTheBytesNotTheClientsWord() {
		String texts = bucket(Map.of("access", open(), "allowedTypes", List.of("text/plain")));
		String images = bucket(Map.of("access", open(), "allowedTypes", List.of("image/*")));
		List<Path> before = blobFiles();
		byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);

		Reply pngAsText = uploadRaw(texts, "notes.txt", PNG_HEADER, "text/plain", null);
		Reply htmlAsPng = uploadMultipart(images, "cat.png", html, "image/png", null);

		assertThat(pngAsText.status()).isEqualTo(415);
		assertThat(pngAsText.code()).isEqualTo("type_not_allowed");
		assertThat(pngAsText.json().path("detail").asString()).contains("image/png");
		assertThat(htmlAsPng.status()).isEqualTo(415);
		assertThat(htmlAsPng.json().path("detail").asString()).contains("text/html");
		assertThat(blobFiles()).hasSameElementsAs(before);
		Reply png = uploadRaw(images, "real.png", PNG_HEADER, "text/plain", null);
		assertThat(png.status()).isEqualTo(201);
		assertThat(png.json().path("contentType").asString()).isEqualTo("image/png");
	}

	@Test
	void namesThatLookLikePathsAreStoredInertlyOrRefused() throws Exception {
		String bucket = bucket(Map.of("access", open()));

		Reply dotDot = uploadRaw(bucket, "../x", bytes("a"), "text/plain", null);
		Reply encoded = uploadRaw(bucket, "%2e%2e/%2e%2e/y", bytes("b"), "text/plain", null);
		Reply multipartDotDot = uploadMultipart(bucket, "../../etc/passwd", bytes("c"), "text/plain", null);
		Reply nul = uploadRaw(bucket, "a\0b", bytes("d"), "text/plain", null);
		Reply nulInFilename = uploadMultipart(bucket, "a\0b", bytes("e"), "text/plain", null);
		Reply veryLongInTheQuery = uploadRaw(bucket, "n".repeat(10_000), bytes("f"), "text/plain", null);
		Reply veryLong = uploadMultipart(bucket, "n".repeat(10_000), bytes("f"), "text/plain", null);
		Reply tooLong = uploadMultipart(bucket, "n".repeat(256), bytes("g"), "text/plain", null);
		Reply longest = uploadMultipart(bucket, "n".repeat(255), bytes("h"), "text/plain", null);

		assertThat(dotDot.status()).isEqualTo(201);
		assertThat(dotDot.json().path("name").asString()).isEqualTo("../x");
		assertThat(encoded.json().path("name").asString()).isEqualTo("%2e%2e/%2e%2e/y");
		assertThat(multipartDotDot.json().path("name").asString()).isEqualTo("../../etc/passwd");
		assertThat(nul.status()).isEqualTo(400);
		assertThat(nul.code()).isEqualTo("validation_failed");
		assertThat(nulInFilename.status()).isEqualTo(400);
		assertThat(veryLongInTheQuery.status()).as("Tomcat's limit on the request line").isEqualTo(400);
		assertThat(veryLong.status()).isEqualTo(400);
		assertThat(tooLong.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
		assertThat(longest.status()).isEqualTo(201);
		try (var beside = java.nio.file.Files.list(blobs.getParent())) {
			assertThat(beside.toList()).containsExactly(blobs);
		}
		assertThat(blobFiles()).allSatisfy((file) -> assertThat(blobs.relativize(file).toString()).matches(
				"files/[0-9a-f]{24}/[0-9a-f]{24}|thumbnails/[0-9a-f]{24}/[0-9a-f]{24}/[0-9]{1,4}x[0-9]{1,4}-(cover|contain)"));
		assertThat(
				get("/api/storage/buckets/" + bucket + "/objects/" + dotDot.json().path("id").asString() + "/content",
						null)
					.text())
			.isEqualTo("a");
	}

	@Test
	void aUserCannotGoPastTheirQuota() {
		String bucket = bucket(Map.of("access",
				Map.of("read", "owner", "create", "authenticated", "update", "owner", "delete", "owner"),
				"quotaPerUser", 1000));
		Reply first = uploadRaw(bucket, "a.bin", new byte[600], "application/octet-stream", user("user-1"));
		List<Path> before = blobFiles();

		Reply overByLength = uploadRaw(bucket, "b.bin", new byte[600], "application/octet-stream", user("user-1"));
		Reply overWhileStreaming = uploadMultipart(bucket, "c.bin", new byte[600], "application/octet-stream",
				user("user-1"));
		Reply otherUser = uploadRaw(bucket, "d.bin", new byte[600], "application/octet-stream", user("user-2"));

		assertThat(first.status()).isEqualTo(201);
		assertThat(overByLength.status()).isEqualTo(413);
		assertThat(overByLength.code()).isEqualTo("quota_exceeded");
		assertThat(overWhileStreaming.status()).isEqualTo(413);
		assertThat(overWhileStreaming.code()).isEqualTo("quota_exceeded");
		assertThat(otherUser.status()).isEqualTo(201);
		assertThat(blobFiles()).hasSize(before.size() + 1);
		assertThat(delete("/api/storage/buckets/" + bucket + "/objects/" + first.json().path("id").asString(),
				user("user-1"))
			.status()).isEqualTo(204);
		assertThat(uploadRaw(bucket, "b.bin", new byte[600], "application/octet-stream", user("user-1")).status())
			.isEqualTo(201);
	}

	@Test
	void uploadsFollowTheBucketsCreateRule() {
		String bucket = bucket(Map.of("access",
				Map.of("read", "public", "create", "role:editor", "update", "owner", "delete", "owner")));

		assertThat(uploadRaw(bucket, "a.txt", bytes("a"), "text/plain", null).status()).isEqualTo(401);
		assertThat(uploadRaw(bucket, "a.txt", bytes("a"), "text/plain", user("user-1")).status()).isEqualTo(403);
		assertThat(uploadRaw(bucket, "a.txt", bytes("a"), "text/plain", tokens.token("user-1", "editor")).status())
			.isEqualTo(201);
		assertThat(uploadRaw("nope", "a.txt", bytes("a"), "text/plain", admin()).code()).isEqualTo("bucket_not_found");
		assertThat(send("POST", "/api/storage/buckets/" + bucket + "/objects", admin(), BodyPublishers.ofString("x"),
				Map.of("Content-Type", "text/plain"))
			.json()
			.path("errors")
			.get(0)
			.path("field")
			.asString()).isEqualTo("name");
	}

	private static Map<String, String> open() {
		return Map.of("read", "public", "create", "public", "update", "public", "delete", "public");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
