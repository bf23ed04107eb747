package dev.keel.auth.key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keel.auth.config.DeploymentProfile;

/**
 * Finds the master key: {@code KEEL_AUTH_MASTER_KEY} when set; otherwise, outside
 * production, a key file for local development that is created on first use, readable by
 * its owner only. In production a missing master key stops the service from starting.
 */
final class MasterKeyLoader {

	private static final Logger log = LoggerFactory.getLogger(MasterKeyLoader.class);

	static final String MISSING_IN_PRODUCTION = """
			KEEL_AUTH_MASTER_KEY is not set. With KEEL_PROFILE=production auth-service refuses to start \
			without it: it is the AES-256 key that encrypts the private signing keys in MongoDB, and every \
			auth-service instance needs the same one. Generate one with `openssl rand -base64 32`, keep it \
			in your secret store and set KEEL_AUTH_MASTER_KEY to it.""";

	static final String PUBLISHED_IN_PRODUCTION = """
			KEEL_AUTH_MASTER_KEY is a key published in Keel's repository (the Kubernetes dev overlay's). \
			With KEEL_PROFILE=production auth-service refuses it: anyone could decrypt the signing keys. \
			Generate one with `openssl rand -base64 32`, keep it in your secret store and set \
			KEEL_AUTH_MASTER_KEY to it.""";

	/** Master keys that are in Keel's repository, so known to everyone. */
	static final Set<String> PUBLISHED = Set.of("a2VlbC1sb2NhbC1kZXZlbG9wbWVudC1rZXktMDAwMDA=");

	private MasterKeyLoader() {
	}

	static MasterKey load(KeyProperties properties, DeploymentProfile profile) {
		if (properties.hasMasterKey()) {
			if (profile.production() && PUBLISHED.contains(properties.masterKey().strip())) {
				throw new IllegalStateException(PUBLISHED_IN_PRODUCTION);
			}
			return MasterKey.fromBase64(properties.masterKey());
		}
		if (profile.production()) {
			throw new IllegalStateException(MISSING_IN_PRODUCTION);
		}
		return fromFile(properties.masterKeyFile().toAbsolutePath());
	}

	private static MasterKey fromFile(Path file) {
		try {
			if (!Files.exists(file)) {
				create(file);
			}
			MasterKey key = MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
			warn(file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the local master key file " + file
					+ "; set KEEL_AUTH_MASTER_KEY (generate one with `openssl rand -base64 32`)", ex);
		}
	}

	/**
	 * Writes the new key to a temporary file first and moves it into place, so that a
	 * second instance starting at the same moment never reads a half-written file.
	 */
	private static void create(Path file) throws IOException {
		Path directory = file.getParent();
		if (directory != null && !Files.exists(directory)) {
			Files.createDirectories(directory, ownerOnly("rwx------"));
		}
		Path temporary = Files.createTempFile(directory, "auth-master", ".tmp", ownerOnly("rw-------"));
		try {
			Files.writeString(temporary, MasterKey.generate().toBase64() + "\n", StandardCharsets.US_ASCII);
			Files.move(temporary, file);
		}
		catch (FileAlreadyExistsException ex) {
			// another instance on this machine created it first
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static FileAttribute<?>[] ownerOnly(String permissions) {
		if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return new FileAttribute<?>[0];
		}
		return new FileAttribute<?>[] {
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)) };
	}

	private static void warn(Path file) {
		log.warn("""

				************************************************************************************
				*  KEEL_AUTH_MASTER_KEY IS NOT SET: using the LOCAL DEVELOPMENT master key in      *
				*  {}
				*  Private signing keys are encrypted with a key that sits next to the service.    *
				*  Never run like this in production: set KEEL_AUTH_MASTER_KEY on every instance   *
				*  (generate one with `openssl rand -base64 32`) and KEEL_PROFILE=production.      *
				************************************************************************************""", file);
	}

}
