package dev.keel.storage.blob;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blob store contract on the S3 backend, against a real S3-compatible server
 * (S3Proxy) in this process; a fresh S3 bucket per test.
 */
class S3BlobStoreContractTests extends BlobStoreContractTests {

	private static final AtomicInteger buckets = new AtomicInteger();

	private static S3CompatibleServer server;

	private S3Client client;

	private String bucket;

	private S3BlobStore store;

	@BeforeAll
	static void startServer() throws Exception {
		server = S3CompatibleServer.start();
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.close();
	}

	@BeforeEach
	void createStore() {
		this.bucket = "keel-blobs-" + buckets.incrementAndGet();
		server.createBucket(this.bucket);
		this.client = server.client();
		this.store = new S3BlobStore(server.client(), this.bucket);
	}

	@AfterEach
	void closeStore() {
		this.store.close();
		this.client.close();
	}

	@Override
	BlobStore store() {
		return this.store;
	}

	@Override
	List<String> everythingStored() {
		List<String> stored = new ArrayList<>();
		this.client.listObjectsV2Paginator((request) -> request.bucket(this.bucket))
			.contents()
			.forEach((object) -> stored.add("object " + object.key()));
		this.client.listMultipartUploads((request) -> request.bucket(this.bucket))
			.uploads()
			.forEach((upload) -> stored.add("pending multipart upload " + upload.key()));
		return stored;
	}

	@Test
	void aPendingMultipartUploadCountsAsStored() {
		// Guards the contract's "no pending upload" checks: they see one when it is
		// there.
		String uploadId = this.client
			.createMultipartUpload((request) -> request.bucket(this.bucket).key(BlobKeys.file("b1", "o1")))
			.uploadId();

		assertThat(everythingStored()).contains("pending multipart upload files/b1/o1");

		this.client.abortMultipartUpload(
				(request) -> request.bucket(this.bucket).key(BlobKeys.file("b1", "o1")).uploadId(uploadId));
		assertThat(everythingStored()).isEmpty();
	}

	@Test
	void deletesMoreBlobsUnderAPrefixThanOneBatchDeleteTakes() throws IOException {
		for (int i = 0; i < 1001; i++) {
			this.store.write(BlobKeys.file("b1", "o" + i), bytes("x"), 10);
		}
		this.store.write(BlobKeys.file("b2", "o1"), bytes("y"), 10);

		this.store.deleteAll(BlobKeys.files("b1"));

		assertThat(everythingStored()).containsExactly("object files/b2/o1");
	}

	@Test
	void isNotHealthyWithoutItsBucket() {
		try (S3BlobStore elsewhere = new S3BlobStore(server.client(), "no-such-bucket")) {
			assertThat(elsewhere.healthy()).isFalse();
		}
	}

	@Test
	void isNotHealthyWithAWrongSecret() {
		S3Client client = S3Clients.create(server.endpoint(), S3CompatibleServer.REGION, S3CompatibleServer.ACCESS_KEY,
				"wrong-secret", true);
		try (S3BlobStore wrong = new S3BlobStore(client, this.bucket)) {
			assertThat(wrong.healthy()).isFalse();
		}
	}

}
