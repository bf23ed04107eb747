package dev.keel.cli.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * A random secret generated once per state folder and kept in a file readable by its
 * owner only, so that every run of the same checkout uses the same one.
 */
final class SecretFile {

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom random = new SecureRandom();

	private SecretFile() {
	}

	/**
	 * The secret in {@code file}, or a new one of 24 random bytes (48 hex digits) written
	 * there first.
	 * @param file where the secret is kept
	 * @param what what the secret is, for the error message
	 * @return the secret
	 */
	static String readOrCreate(Path file, String what) {
		try {
			if (Files.isRegularFile(file)) {
				return Files.readString(file, StandardCharsets.UTF_8).trim();
			}
			Files.createDirectories(file.getParent());
			String secret = HexFormat.of().formatHex(bytes());
			try {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system (Windows): the folder's own permissions apply.
				Files.createFile(file);
			}
			catch (FileAlreadyExistsException ex) {
				return Files.readString(file, StandardCharsets.UTF_8).trim();
			}
			Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create the " + what + " in " + file, ex);
		}
	}

	private static byte[] bytes() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return bytes;
	}

}
