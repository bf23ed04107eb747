package dev.keel.storage.config;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import dev.keel.storage.blob.BlobStore;
import dev.keel.storage.blob.LocalBlobStore;
import dev.keel.storage.blob.S3BlobStore;
import dev.keel.storage.blob.S3Clients;

/**
 * The blob backend: the local folder unless {@code keel.storage.backend} says otherwise.
 */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

	@Bean
	@ConditionalOnProperty(name = "keel.storage.backend", havingValue = "local", matchIfMissing = true)
	BlobStore localBlobStore(StorageProperties properties) throws IOException {
		return new LocalBlobStore(Path.of(properties.dir()));
	}

	@Bean
	@ConditionalOnProperty(name = "keel.storage.backend", havingValue = "s3")
	S3BlobStore s3BlobStore(StorageProperties properties) {
		StorageProperties.S3 s3 = properties.s3();
		if (!StringUtils.hasText(s3.bucket())) {
			throw new IllegalStateException("KEEL_STORAGE_BACKEND=s3 needs the S3 bucket that holds the files: "
					+ "set KEEL_STORAGE_S3_BUCKET (keel.storage.s3.bucket)");
		}
		return new S3BlobStore(
				S3Clients.create(s3.endpoint(), s3.region(), s3.accessKey(), s3.secretKey(), s3.pathStyle()),
				s3.bucket());
	}

}
