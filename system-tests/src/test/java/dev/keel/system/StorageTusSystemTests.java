package dev.keel.system;

import java.io.ByteArrayInputStream;
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
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.keel.system.DataFixtures.User;
import dev.keel.system.KeelCli.Result;

import static dev.keel.system.DataFixtures.access;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resumable uploads through the gateway with the reference tus client
 * ({@code io.tus.java.client}, which Keel did not write): a chunk cut off mid-way keeps
 * what arrived, and the client resumes from there, also after storage-service restarted.
 */
@ExtendWith(RunningPlatform.class)
class StorageTusSystemTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static String bucket;

	private static User user;

	@BeforeAll
	static void aBucket() {
		bucket = StorageFixtures.defineBucket(DataFixtures.admin().accessToken(),
				access("owner", "authenticated", "owner", "owner"), Map.of());
		user = DataFixtures.newUser();
	}

	@Test
	void anUploadCutOffMidwayResumesAndEndsByteIdentical() throws Exception {
		byte[] content = StorageFixtures.randomBytes(3 * 1024 * 1024 + 7);
		TusURLMemoryStore urls = new TusURLMemoryStore();
		TusUpload upload = upload(content, "cut.bin");
		URL url = client(urls).createUpload(upload).getUploadURL();

		sendThenHangUp(url, content, 1_500_000);
		long offset = awaitOffset(url);
		System.out.printf("tus: a chunk cut off after 1500000 bytes through the gateway kept %d%n", offset);
		assertThat(offset).isPositive().isLessThanOrEqualTo(1_500_000);

		assertThat(resume(urls, upload)).isEqualTo(offset);
		assertThat(finished(url)).isEqualTo(content);
	}

	@Test
	void anUploadCutOffBeforeStorageServiceRestartsResumesOnTheRestartedService() throws Exception {
		byte[] content = StorageFixtures.randomBytes(2 * 1024 * 1024 + 3);
		TusURLMemoryStore urls = new TusURLMemoryStore();
		TusUpload upload = upload(content, "restart.bin");
		URL url = client(urls).createUpload(upload).getUploadURL();
		sendThenHangUp(url, content, 1_000_000);
		long offset = awaitOffset(url);

		Result stopped = RunningPlatform.keel.run("stop", "storage-service");
		assertThat(stopped.exitCode()).as(stopped.output()).isZero();
		long restarting = System.nanoTime();
		Result started = RunningPlatform.keel.run("start", "storage-service");
		assertThat(started.exitCode()).as(started.output()).isZero();
		awaitRouted(url);
		System.out.printf("tus: kept %d bytes; storage-service restarted and routed again in %.1f s%n", offset,
				(System.nanoTime() - restarting) / 1e9);

		assertThat(resume(urls, upload)).isEqualTo(offset);
		assertThat(finished(url)).isEqualTo(content);
	}

	/** Resumes with the reference client; returns the offset it resumed from. */
	private static long resume(TusURLMemoryStore urls, TusUpload upload) throws Exception {
		TusUploader resumed = client(urls).resumeUpload(upload);
		long offset = resumed.getOffset();
		resumed.setChunkSize(256 * 1024);
		while (resumed.uploadChunk() > -1) {
			// The rest, chunk after chunk.
		}
		resumed.finish();
		return offset;
	}

	private static TusClient client(TusURLMemoryStore urls) throws Exception {
		TusClient client = new TusClient();
		client.setUploadCreationURL(URI.create(Api.GATEWAY + "/api/storage/buckets/" + bucket + "/uploads").toURL());
		client.setHeaders(Map.of("Authorization", "Bearer " + user.token()));
		client.enableResuming(urls);
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

	/** The file the upload became, downloaded by its owner. */
	private static byte[] finished(URL url) throws Exception {
		String objectId = head(url).headers().firstValue("Keel-Object-Id").orElse(null);
		assertThat(objectId).as("the upload's file").isNotNull();
		HttpResponse<byte[]> content = StorageFixtures.download(StorageFixtures.content(bucket, objectId),
				user.token());
		assertThat(content.statusCode()).isEqualTo(200);
		return content.body();
	}

	private static HttpResponse<String> head(URL url) throws Exception {
		return http.send(HttpRequest.newBuilder(url.toURI())
			.header("Tus-Resumable", "1.0.0")
			.header("Authorization", "Bearer " + user.token())
			.timeout(Duration.ofSeconds(10))
			.method("HEAD", BodyPublishers.noBody())
			.build(), BodyHandlers.ofString());
	}

	/** The offset once the cut-off chunk's bytes are stored. */
	private static long awaitOffset(URL url) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		long offset = 0;
		while (offset == 0 && System.nanoTime() < deadline) {
			Thread.sleep(200);
			offset = head(url).headers().firstValue("Upload-Offset").map(Long::parseLong).orElse(0L);
		}
		assertThat(offset).as("the bytes of the cut-off chunk").isPositive();
		return offset;
	}

	/** Waits until the gateway routes to the restarted storage-service again. */
	private static void awaitRouted(URL url) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		int status = head(url).statusCode();
		while (status >= 500 && System.nanoTime() < deadline) {
			Thread.sleep(200);
			status = head(url).statusCode();
		}
		assertThat(status).as("HEAD of the upload after the restart").isEqualTo(200);
	}

	/**
	 * A PATCH through the gateway that announces the whole file but sends only
	 * {@code sent} bytes, then hangs up.
	 */
	private static void sendThenHangUp(URL url, byte[] content, int sent) throws Exception {
		try (Socket socket = new Socket("localhost", url.getPort())) {
			OutputStream out = socket.getOutputStream();
			out.write(("PATCH " + url.getPath() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
					+ user.token() + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0"
					+ "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + content.length
					+ "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(content, 0, sent);
			out.flush();
			Thread.sleep(300);
		}
	}

}
