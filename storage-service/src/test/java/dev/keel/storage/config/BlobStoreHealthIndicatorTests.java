package dev.keel.storage.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Status;

import dev.keel.storage.blob.LocalBlobStore;

import static org.assertj.core.api.Assertions.assertThat;

class BlobStoreHealthIndicatorTests {

	@TempDir
	Path folder;

	@Test
	void anInstanceWhoseFolderIsGoneIsNotReady() throws IOException {
		BlobStoreHealthIndicator indicator = new BlobStoreHealthIndicator(new LocalBlobStore(this.folder));
		assertThat(indicator.health(false).getStatus()).isEqualTo(Status.UP);

		Files.delete(this.folder.resolve(".incoming"));

		assertThat(indicator.health(false).getStatus()).isEqualTo(Status.DOWN);
	}

}
