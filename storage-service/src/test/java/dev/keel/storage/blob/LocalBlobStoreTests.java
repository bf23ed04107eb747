package dev.keel.storage.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalBlobStoreTests {

	@TempDir
	Path root;

	@Test
	void storesAndReadsBackWithSizeAndSha256() throws IOException {
		LocalBlobStore store = new LocalBlobStore(this.root);

		StoredBlob stored = store.write(BlobKeys.file("b1", "o1"), bytes("hello world"), 100);

		assertThat(stored)
			.isEqualTo(new StoredBlob(11, "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"));
		assertThat(read(store.read(BlobKeys.file("b1", "o1"), 0, -1))).isEqualTo("hello world");
		assertThat(read(store.read(BlobKeys.file("b1", "o1"), 6, 3))).isEqualTo("wor");
		assertThat(store.exists(BlobKeys.file("b1", "o1"))).isTrue();
	}

	@Test
	void aTooLargeWriteLeavesNothingBehind() throws IOException {
		LocalBlobStore store = new LocalBlobStore(this.root);

		assertThatExceptionOfType(BlobTooLargeException.class)
			.isThrownBy(() -> store.write(BlobKeys.file("b1", "o1"), bytes("0123456789"), 9));

		assertThat(store.exists(BlobKeys.file("b1", "o1"))).isFalse();
		assertThat(files()).isEmpty();
	}

	@Test
	void aCutOffWriteLeavesNothingBehind() throws IOException {
		LocalBlobStore store = new LocalBlobStore(this.root);
		InputStream cutOff = new InputStream() {

			private int sent;

			@Override
			public int read() throws IOException {
				if (this.sent++ < 1000) {
					return 'x';
				}
				throw new IOException("Connection reset");
			}

		};

		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> store.write(BlobKeys.file("b1", "o1"), cutOff, 1 << 20));

		assertThat(files()).isEmpty();
	}

	@Test
	void deletesOneBlobOrEveryBlobUnderAPrefix() throws IOException {
		LocalBlobStore store = new LocalBlobStore(this.root);
		store.write(BlobKeys.file("b1", "o1"), bytes("1"), 10);
		store.write(BlobKeys.file("b1", "o2"), bytes("2"), 10);
		store.write(BlobKeys.file("b2", "o3"), bytes("3"), 10);

		store.delete(BlobKeys.file("b1", "o1"));
		assertThat(store.exists(BlobKeys.file("b1", "o1"))).isFalse();
		store.deleteAll(BlobKeys.files("b1"));

		assertThat(store.exists(BlobKeys.file("b1", "o2"))).isFalse();
		assertThat(store.exists(BlobKeys.file("b2", "o3"))).isTrue();
		assertThatExceptionOfType(BlobNotFoundException.class)
			.isThrownBy(() -> store.read(BlobKeys.file("b1", "o2"), 0, -1));
	}

	@Test
	void onlyKeysItMakesReachTheFilesystem() throws IOException {
		LocalBlobStore store = new LocalBlobStore(this.root);
		for (String key : new String[] { "../x", "files/../../x", "/etc/passwd", "files/%2e%2e/x", "files/a\0b",
				"files//x", ".incoming/x", "files/" + "a".repeat(65), "FILES/x", "" }) {
			assertThatIllegalArgumentException().as(key).isThrownBy(() -> store.write(key, bytes("evil"), 10));
		}
		assertThat(files()).isEmpty();
	}

	private Stream<Path> files() throws IOException {
		try (Stream<Path> paths = Files.walk(this.root)) {
			return paths.filter(Files::isRegularFile).toList().stream();
		}
	}

	private static InputStream bytes(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String read(InputStream in) throws IOException {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
