package dev.keel.storage.blob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The blob store contract on the local folder backend. */
class LocalBlobStoreContractTests extends BlobStoreContractTests {

	@TempDir
	Path root;

	private LocalBlobStore store;

	@BeforeEach
	void createStore() throws IOException {
		this.store = new LocalBlobStore(this.root);
	}

	@Override
	BlobStore store() {
		return this.store;
	}

	@Override
	List<String> everythingStored() throws IOException {
		try (Stream<Path> paths = Files.walk(this.root)) {
			return paths.filter(Files::isRegularFile).map((path) -> this.root.relativize(path).toString()).toList();
		}
	}

}
