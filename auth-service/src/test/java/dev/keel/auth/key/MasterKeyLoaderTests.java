package dev.keel.auth.key;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keel.auth.config.DeploymentProfile;
import dev.keel.auth.key.MasterKey.Sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MasterKeyLoaderTests {

	private static final DeploymentProfile PRODUCTION = new DeploymentProfile("production");

	private static final byte[] SECRET = "private key bytes".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path directory;

	@Test
	void usesTheMasterKeyFromTheEnvironment() throws GeneralSecurityException {
		String base64 = MasterKey.generate().toBase64();

		MasterKey key = MasterKeyLoader.load(properties(base64), PRODUCTION);

		Sealed sealed = MasterKey.fromBase64(base64).encrypt(SECRET, "kid-1");
		assertThat(key.decrypt(sealed, "kid-1")).isEqualTo(SECRET);
		assertThat(this.directory.resolve("auth-master.key")).doesNotExist();
	}

	@Test
	void refusesToStartInProductionWithoutAMasterKey() {
		assertThatIllegalStateException().isThrownBy(() -> MasterKeyLoader.load(properties(null), PRODUCTION))
			.withMessageContaining("KEEL_AUTH_MASTER_KEY")
			.withMessageContaining("openssl rand -base64 32");
	}

	@Test
	void refusesToStartInProductionWithTheLocalDevelopmentKeyFileEvenWhenItExists() {
		MasterKeyLoader.load(properties(null), DeploymentProfile.local());

		assertThatIllegalStateException().isThrownBy(() -> MasterKeyLoader.load(properties(null), PRODUCTION))
			.withMessageContaining("KEEL_AUTH_MASTER_KEY");
	}

	@Test
	void refusesToStartInProductionWithAMasterKeyPublishedInTheRepository() {
		String published = "a2VlbC1sb2NhbC1kZXZlbG9wbWVudC1rZXktMDAwMDA=";

		assertThatIllegalStateException().isThrownBy(() -> MasterKeyLoader.load(properties(published), PRODUCTION))
			.withMessageContaining("published")
			.withMessageContaining("KEEL_AUTH_MASTER_KEY");
		assertThat(MasterKeyLoader.load(properties(published), DeploymentProfile.local())).isNotNull();
	}

	@Test
	void createsAnOwnerOnlyLocalKeyFileOutsideProductionAndReusesIt() throws Exception {
		Path file = this.directory.resolve("state/auth-master.key");

		MasterKey first = MasterKeyLoader.load(properties(null), DeploymentProfile.local());
		MasterKey second = MasterKeyLoader.load(properties(null), DeploymentProfile.local());

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
		assertThat(second.decrypt(first.encrypt(SECRET, "kid-1"), "kid-1")).isEqualTo(SECRET);
		try (var files = Files.list(file.getParent())) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void rejectsAMasterKeyThatIsNotThirtyTwoBytes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MasterKeyLoader.load(properties("c2hvcnQ="), DeploymentProfile.local()))
			.withMessageContaining("32 bytes");
	}

	@Test
	void decryptionFailsWithAnotherMasterKeyOrAnotherKid() {
		MasterKey key = MasterKey.generate();
		Sealed sealed = key.encrypt(SECRET, "kid-1");

		assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("private key bytes");
		assertThatExceptionOfType(GeneralSecurityException.class)
			.isThrownBy(() -> MasterKey.generate().decrypt(sealed, "kid-1"));
		assertThatExceptionOfType(GeneralSecurityException.class).isThrownBy(() -> key.decrypt(sealed, "kid-2"));
	}

	@Test
	void usesAFreshIvForEveryEncryption() {
		MasterKey key = MasterKey.generate();

		assertThat(key.encrypt(SECRET, "kid-1").iv()).hasSize(12).isNotEqualTo(key.encrypt(SECRET, "kid-1").iv());
	}

	private KeyProperties properties(String masterKey) {
		return new KeyProperties(masterKey, this.directory.resolve("state/auth-master.key"), Duration.ofDays(30),
				Duration.ofHours(1), Duration.ofSeconds(10));
	}

}
