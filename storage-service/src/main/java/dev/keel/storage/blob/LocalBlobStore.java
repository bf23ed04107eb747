package dev.keel.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Blobs as files under one folder: a key is a relative path below it ({@link BlobKeys}
 * allows nothing else). A write goes to a temporary file in {@code .incoming}, hashed on
 * the way, forced to disk, and moved into place atomically; a cut-off or oversized write
 * leaves nothing behind. Several instances may share the folder (a shared volume): a blob
 * is written once under a key no other write uses, and replaced only by a move.
 */
public class LocalBlobStore implements BlobStore {

	private static final int BUFFER = 64 * 1024;

	private final Path root;

	private final Path incoming;

	public LocalBlobStore(Path root) throws IOException {
		this.root = root.toAbsolutePath().normalize();
		this.incoming = this.root.resolve(".incoming");
		Files.createDirectories(this.incoming);
	}

	@Override
	public StoredBlob write(String key, InputStream content, long maxBytes) throws IOException {
		Path target = path(key);
		Path temporary = this.incoming.resolve(UUID.randomUUID() + ".part");
		try {
			MessageDigest sha256 = sha256();
			long size = 0;
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE); OutputStream out = Channels.newOutputStream(channel)) {
				DigestInputStream in = new DigestInputStream(content, sha256);
				byte[] buffer = new byte[BUFFER];
				int read;
				while ((read = in.read(buffer)) != -1) {
					size += read;
					if (size > maxBytes) {
						throw new BlobTooLargeException(maxBytes);
					}
					out.write(buffer, 0, read);
				}
				out.flush();
				channel.force(true);
			}
			Files.createDirectories(target.getParent());
			move(temporary, target);
			return new StoredBlob(size, HexFormat.of().formatHex(sha256.digest()));
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	@Override
	public InputStream read(String key, long offset, long length) throws IOException {
		SeekableByteChannel channel;
		try {
			channel = Files.newByteChannel(path(key), StandardOpenOption.READ);
		}
		catch (NoSuchFileException ex) {
			throw new BlobNotFoundException(key);
		}
		try {
			channel.position(offset);
		}
		catch (IOException ex) {
			channel.close();
			throw ex;
		}
		InputStream in = Channels.newInputStream(channel);
		return (length < 0) ? in : new BoundedInputStream(in, length);
	}

	@Override
	public boolean exists(String key) {
		return Files.isRegularFile(path(key));
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(path(key));
	}

	@Override
	public void deleteAll(String prefix) throws IOException {
		if (!prefix.endsWith("/")) {
			throw new IllegalArgumentException("Not a prefix: " + prefix);
		}
		Path folder = path(prefix);
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				try {
					Files.deleteIfExists(path);
				}
				catch (DirectoryNotEmptyException ex) {
					// A write landed meanwhile; the next deletion takes it.
				}
			}
		}
	}

	@Override
	public boolean healthy() {
		return Files.isDirectory(this.incoming) && Files.isWritable(this.incoming);
	}

	private Path path(String key) {
		Path path = this.root.resolve(BlobKeys.check(key)).normalize();
		if (!path.startsWith(this.root) || path.startsWith(this.incoming)) {
			throw new IllegalArgumentException("Not a blob key: " + key);
		}
		return path;
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IOException(
					"The storage folder must allow atomic moves within it (one file system): " + ex.getMessage(), ex);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** At most {@code remaining} bytes of a stream. */
	private static final class BoundedInputStream extends InputStream {

		private final InputStream in;

		private long remaining;

		BoundedInputStream(InputStream in, long remaining) {
			this.in = in;
			this.remaining = remaining;
		}

		@Override
		public int read() throws IOException {
			if (this.remaining <= 0) {
				return -1;
			}
			int read = this.in.read();
			if (read >= 0) {
				this.remaining--;
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.remaining <= 0) {
				return -1;
			}
			int read = this.in.read(buffer, offset, (int) Math.min(length, this.remaining));
			if (read > 0) {
				this.remaining -= read;
			}
			return read;
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
