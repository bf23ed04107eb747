package dev.keel.storage.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import dev.keel.storage.blob.BlobKeys;
import dev.keel.storage.blob.BlobStore;
import dev.keel.storage.blob.LocalBlobStore;
import dev.keel.storage.blob.S3BlobStore;
import dev.keel.storage.blob.S3CompatibleServer;

import static org.assertj.core.api.Assertions.assertThat;

class BlobStoreConfigurationTests {

	private static S3CompatibleServer server;

	@TempDir
	Path dir;

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class, BlobStoreConfiguration.class);

	@BeforeAll
	static void startServer() throws Exception {
		server = S3CompatibleServer.start();
		server.createBucket("keel-files");
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.close();
	}

	@Test
	void storesInTheLocalFolderByDefault() {
		this.contexts.withPropertyValues("keel.storage.dir=" + this.dir).run((context) -> {
			assertThat(context).getBean(BlobStore.class).isInstanceOf(LocalBlobStore.class);
			context.getBean(BlobStore.class).write(BlobKeys.file("b1", "o1"), bytes("hello"), 10);
			assertThat(this.dir.resolve("files/b1/o1")).hasContent("hello");
		});
	}

	@Test
	void storesInTheS3BucketWhenTheBackendIsS3() {
		this.contexts.withPropertyValues(s3Settings("keel-files")).run((context) -> {
			assertThat(context).getBean(BlobStore.class).isInstanceOf(S3BlobStore.class);
			BlobStore store = context.getBean(BlobStore.class);
			store.write(BlobKeys.file("b1", "o1"), bytes("hello"), 10);
			try (InputStream in = store.read(BlobKeys.file("b1", "o1"), 0, -1)) {
				assertThat(in).hasContent("hello");
			}
			assertThat(store.healthy()).isTrue();
		});
	}

	@Test
	void refusesToStartOnS3WithoutABucket() {
		this.contexts.withPropertyValues(s3Settings("")).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("KEEL_STORAGE_S3_BUCKET")
				.hasMessageContaining("KEEL_STORAGE_BACKEND=s3");
		});
	}

	private static String[] s3Settings(String bucket) {
		return new String[] { "keel.storage.backend=s3", "keel.storage.s3.endpoint=" + server.endpoint(),
				"keel.storage.s3.bucket=" + bucket, "keel.storage.s3.access-key=" + S3CompatibleServer.ACCESS_KEY,
				"keel.storage.s3.secret-key=" + S3CompatibleServer.SECRET_KEY };
	}

	private static InputStream bytes(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(StorageProperties.class)
	static class Settings {

	}

}
