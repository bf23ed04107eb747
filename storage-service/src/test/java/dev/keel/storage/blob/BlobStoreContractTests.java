package dev.keel.storage.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What every {@link BlobStore} does, run against each backend by a subclass: the local
 * folder and a real S3-compatible server.
 */
abstract class BlobStoreContractTests {

	static final int MIB = 1024 * 1024;

	/** 20 MiB: more than two parts of a multipart upload. */
	static final byte[] LARGE = randomBytes(20 * MIB);

	/**
	 * The store under test, empty at the start of each test.
	 * @return the store
	 */
	abstract BlobStore store();

	/**
	 * Everything the backend holds: blobs, temporary files, pending multipart uploads.
	 * @return a description of each, empty when the backend holds nothing
	 * @throws IOException if the backend cannot be listed
	 */
	abstract List<String> everythingStored() throws IOException;

	@Test
	void storesAndReadsBackWithSizeAndSha256() throws IOException {
		StoredBlob stored = store().write(BlobKeys.file("b1", "o1"), bytes("hello world"), 100);

		assertThat(stored)
			.isEqualTo(new StoredBlob(11, "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"));
		assertThat(read(store().read(BlobKeys.file("b1", "o1"), 0, -1))).isEqualTo("hello world");
		assertThat(read(store().read(BlobKeys.file("b1", "o1"), 6, 3))).isEqualTo("wor");
		assertThat(read(store().read(BlobKeys.file("b1", "o1"), 6, -1))).isEqualTo("world");
		assertThat(store().exists(BlobKeys.file("b1", "o1"))).isTrue();
	}

	@Test
	void storesAnEmptyBlob() throws IOException {
		StoredBlob stored = store().write(BlobKeys.file("b1", "o1"), bytes(""), 100);

		assertThat(stored)
			.isEqualTo(new StoredBlob(0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
		assertThat(read(store().read(BlobKeys.file("b1", "o1"), 0, -1))).isEmpty();
		assertThat(store().exists(BlobKeys.file("b1", "o1"))).isTrue();
	}

	@Test
	void readsNothingPastTheEndAndNothingOfAMissingBlob() throws IOException {
		store().write(BlobKeys.file("b1", "o1"), bytes("hello"), 100);

		assertThat(read(store().read(BlobKeys.file("b1", "o1"), 5, -1))).isEmpty();
		assertThat(read(store().read(BlobKeys.file("b1", "o1"), 3, 10))).isEqualTo("lo");
		assertThat(read(store().read(BlobKeys.file("b1", "o1"), 2, 0))).isEmpty();
		assertThatExceptionOfType(BlobNotFoundException.class)
			.isThrownBy(() -> store().read(BlobKeys.file("b1", "nope"), 0, -1));
		assertThatExceptionOfType(BlobNotFoundException.class)
			.isThrownBy(() -> store().read(BlobKeys.file("b1", "nope"), 2, 3));
		assertThat(store().exists(BlobKeys.file("b1", "nope"))).isFalse();
	}

	@Test
	void aWriteUnderTheSameKeyReplacesTheBlobWhole() throws IOException {
		store().write(BlobKeys.file("b1", "o1"), bytes("first version"), 100);

		store().write(BlobKeys.file("b1", "o1"), bytes("second"), 100);

		assertThat(read(store().read(BlobKeys.file("b1", "o1"), 0, -1))).isEqualTo("second");
	}

	@Test
	void aTooLargeWriteLeavesNothingBehind() throws IOException {
		assertThatExceptionOfType(BlobTooLargeException.class)
			.isThrownBy(() -> store().write(BlobKeys.file("b1", "o1"), bytes("0123456789"), 9))
			.satisfies((ex) -> assertThat(ex.maxBytes()).isEqualTo(9));

		assertThat(store().exists(BlobKeys.file("b1", "o1"))).isFalse();
		assertThat(everythingStored()).isEmpty();
	}

	@Test
	void aBlobOfExactlyItsLimitIsStored() throws IOException {
		StoredBlob stored = store().write(BlobKeys.file("b1", "o1"), bytes("0123456789"), 10);

		assertThat(stored.size()).isEqualTo(10);
	}

	@Test
	void aCutOffWriteLeavesNothingBehind() throws IOException {
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> store().write(BlobKeys.file("b1", "o1"), new CutOff(LARGE, 1000), MIB))
			.withMessage("Connection reset");

		assertThat(everythingStored()).isEmpty();
	}

	@Test
	void deletesOneBlobOrEveryBlobUnderAPrefix() throws IOException {
		store().write(BlobKeys.file("b1", "o1"), bytes("1"), 10);
		store().write(BlobKeys.file("b1", "o2"), bytes("2"), 10);
		store().write(BlobKeys.file("b2", "o3"), bytes("3"), 10);

		store().delete(BlobKeys.file("b1", "o1"));
		store().delete(BlobKeys.file("b1", "o1"));
		assertThat(store().exists(BlobKeys.file("b1", "o1"))).isFalse();
		store().deleteAll(BlobKeys.files("b1"));
		store().deleteAll(BlobKeys.files("b9"));

		assertThat(store().exists(BlobKeys.file("b1", "o2"))).isFalse();
		assertThat(store().exists(BlobKeys.file("b2", "o3"))).isTrue();
		assertThatExceptionOfType(BlobNotFoundException.class)
			.isThrownBy(() -> store().read(BlobKeys.file("b1", "o2"), 0, -1));
	}

	@Test
	void onlyKeysItMakesReachTheBackend() throws IOException {
		for (String key : new String[] { "../x", "files/../../x", "/etc/passwd", "files/%2e%2e/x", "files/a\0b",
				"files//x", ".incoming/x", "files/" + "a".repeat(65), "FILES/x", "" }) {
			assertThatIllegalArgumentException().as(key).isThrownBy(() -> store().write(key, bytes("evil"), 10));
			assertThatIllegalArgumentException().as(key).isThrownBy(() -> store().read(key, 0, -1));
			assertThatIllegalArgumentException().as(key).isThrownBy(() -> store().exists(key));
			assertThatIllegalArgumentException().as(key).isThrownBy(() -> store().delete(key));
			assertThatIllegalArgumentException().as(key).isThrownBy(() -> store().deleteAll(key + "/"));
		}
		assertThat(everythingStored()).isEmpty();
	}

	@Test
	void storesALargeBlobByteIdenticalWithItsSha256() throws IOException {
		StoredBlob stored = store().write(BlobKeys.file("b1", "large"), new ByteArrayInputStream(LARGE), 64 * MIB);

		assertThat(stored).isEqualTo(new StoredBlob(LARGE.length, sha256(LARGE)));
		try (InputStream in = store().read(BlobKeys.file("b1", "large"), 0, -1)) {
			assertThat(in.readAllBytes()).isEqualTo(LARGE);
		}
	}

	@Test
	void storesABlobOfExactlyOnePart() throws IOException {
		byte[] onePart = Arrays.copyOf(LARGE, S3BlobStore.PART_SIZE);

		StoredBlob stored = store().write(BlobKeys.file("b1", "o1"), new ByteArrayInputStream(onePart), 64 * MIB);

		assertThat(stored).isEqualTo(new StoredBlob(onePart.length, sha256(onePart)));
		try (InputStream in = store().read(BlobKeys.file("b1", "o1"), 0, -1)) {
			assertThat(in.readAllBytes()).isEqualTo(onePart);
		}
	}

	@Test
	void readsRangesAcrossPartBoundaries() throws IOException {
		store().write(BlobKeys.file("b1", "large"), new ByteArrayInputStream(LARGE), 64 * MIB);
		int boundary = S3BlobStore.PART_SIZE;

		assertThat(range(boundary - 10, 20)).isEqualTo(Arrays.copyOfRange(LARGE, boundary - 10, boundary + 10));
		assertThat(range(boundary - 1, boundary + 2))
			.isEqualTo(Arrays.copyOfRange(LARGE, boundary - 1, 2 * boundary + 1));
		assertThat(range(2 * boundary - 5, -1)).isEqualTo(Arrays.copyOfRange(LARGE, 2 * boundary - 5, LARGE.length));
		assertThat(range(LARGE.length - 3, 100)).isEqualTo(Arrays.copyOfRange(LARGE, LARGE.length - 3, LARGE.length));
	}

	@Test
	void aReadClosedEarlyLeavesTheStoreUsable() throws IOException {
		store().write(BlobKeys.file("b1", "large"), new ByteArrayInputStream(LARGE), 64 * MIB);

		// More than the S3 client's 50 pooled connections: none may stay taken.
		for (int i = 0; i < 60; i++) {
			try (InputStream in = store().read(BlobKeys.file("b1", "large"), 0, -1)) {
				assertThat(in.read()).isEqualTo(LARGE[0] & 0xff);
			}
		}

		assertThat(range(MIB, 3)).isEqualTo(Arrays.copyOfRange(LARGE, MIB, MIB + 3));
	}

	@Test
	void aTooLargeMultipartWriteLeavesNoObjectAndNoPendingUpload() throws IOException {
		assertThatExceptionOfType(BlobTooLargeException.class)
			.isThrownBy(() -> store().write(BlobKeys.file("b1", "large"), new ByteArrayInputStream(LARGE), 12 * MIB));

		assertThat(store().exists(BlobKeys.file("b1", "large"))).isFalse();
		assertThat(everythingStored()).isEmpty();
	}

	@Test
	void aMultipartWriteCutOffMidwayLeavesNoObjectAndNoPendingUpload() throws IOException {
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> store().write(BlobKeys.file("b1", "large"), new CutOff(LARGE, 17 * MIB), 64 * MIB))
			.withMessage("Connection reset");

		assertThat(everythingStored()).isEmpty();
	}

	@Test
	void isHealthy() {
		assertThat(store().healthy()).isTrue();
	}

	private byte[] range(long offset, long length) throws IOException {
		try (InputStream in = store().read(BlobKeys.file("b1", "large"), offset, length)) {
			return in.readAllBytes();
		}
	}

	static InputStream bytes(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	static String read(InputStream in) throws IOException {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		new Random(16).nextBytes(bytes);
		return bytes;
	}

	/** A client that sends the first bytes of a body, then drops the connection. */
	static final class CutOff extends InputStream {

		private final InputStream in;

		private int left;

		CutOff(byte[] bytes, int cutAt) {
			this.in = new ByteArrayInputStream(bytes);
			this.left = cutAt;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) == -1) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.left == 0) {
				throw new IOException("Connection reset");
			}
			int read = this.in.read(buffer, offset, Math.min(length, this.left));
			this.left -= read;
			return read;
		}

	}

}
