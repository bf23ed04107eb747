package dev.keel.storage.object;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.keel.storage.StorageServiceTest;
import dev.keel.storage.blob.S3CompatibleServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The object tests again, with the S3 backend against a real S3-compatible server
 * (S3Proxy, in-process): uploads, downloads, signed URLs and thumbnails behave the same
 * whichever backend holds the bytes. All of them share one application context.
 */
class S3BackendIntegrationTests {

	static final String BUCKET = "keel-files";

	static final S3CompatibleServer server = start();

	@DynamicPropertySource
	static void s3(DynamicPropertyRegistry registry) {
		registry.add("keel.storage.backend", () -> "s3");
		registry.add("keel.storage.s3.endpoint", server::endpoint);
		registry.add("keel.storage.s3.region", () -> S3CompatibleServer.REGION);
		registry.add("keel.storage.s3.bucket", () -> BUCKET);
		registry.add("keel.storage.s3.access-key", () -> S3CompatibleServer.ACCESS_KEY);
		registry.add("keel.storage.s3.secret-key", () -> S3CompatibleServer.SECRET_KEY);
		registry.add("keel.storage.s3.path-style", () -> true);
	}

	@AfterAll
	static void stop() throws Exception {
		server.close();
	}

	private static S3CompatibleServer start() {
		try {
			S3CompatibleServer started = S3CompatibleServer.start();
			started.createBucket(BUCKET);
			return started;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start the S3-compatible server", ex);
		}
	}

	@Nested
	class Backend extends StorageServiceTest {

		@Test
		void theBytesGoToTheS3BucketAndNothingToTheLocalFolder() throws Exception {
			String bucket = bucket(access("public", "public", "public"));
			String id = uploadRaw(bucket, "a.bin", randomBytes(1000, 1), "application/octet-stream", null).json()
				.path("id")
				.asString();

			String key;
			try (S3Client client = server.client()) {
				key = client.listObjectsV2((request) -> request.bucket(BUCKET))
					.contents()
					.stream()
					.map(S3Object::key)
					.filter((name) -> name.endsWith("/" + id))
					.findFirst()
					.orElseThrow(() -> new AssertionError("No object of " + id + " in the S3 bucket"));
			}
			try (Stream<Path> local = Files.walk(blobs)) {
				assertThat(local.map((path) -> blobs.relativize(path).toString())).doesNotContain(key);
			}
		}

	}

	@Nested
	class Uploads extends UploadIntegrationTests {

	}

	@Nested
	class Downloads extends DownloadIntegrationTests {

	}

	@Nested
	class SignedUrls extends SignedUrlIntegrationTests {

	}

	@Nested
	class Thumbnails extends ThumbnailIntegrationTests {

	}

}
