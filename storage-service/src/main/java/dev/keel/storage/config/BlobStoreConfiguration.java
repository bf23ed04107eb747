package dev.keel.storage.config;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.keel.storage.blob.BlobStore;
import dev.keel.storage.blob.LocalBlobStore;

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

}
