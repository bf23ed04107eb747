package dev.keel.cli.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryAccessTests {

	@TempDir
	Path home;

	@Test
	void generatesAPasswordOncePerStateFolderReadableByItsOwnerOnly() throws Exception {
		Layout layout = new Layout(this.home);
		DiscoveryAccess first = DiscoveryAccess.of(layout, Map.of());
		assertThat(first.username()).isEqualTo("keel");
		assertThat(first.password()).hasSize(48).matches("[0-9a-f]+");
		assertThat(first.file()).isEqualTo(this.home.resolve(".keel/discovery-password"));
		assertThat(Files.readString(first.file()).trim()).isEqualTo(first.password());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file()))).isEqualTo("rw-------");

		DiscoveryAccess again = DiscoveryAccess.of(layout, Map.of());
		assertThat(again.password()).isEqualTo(first.password());
	}

	@Test
	void anotherStateFolderGetsAnotherPassword() {
		DiscoveryAccess one = DiscoveryAccess.of(new Layout(this.home.resolve("one")), Map.of());
		DiscoveryAccess other = DiscoveryAccess.of(new Layout(this.home.resolve("other")), Map.of());
		assertThat(one.password()).isNotEqualTo(other.password());
	}

	@Test
	void theEnvironmentsCredentialsWinAndNothingIsWritten() {
		Layout layout = new Layout(this.home);
		DiscoveryAccess access = DiscoveryAccess.of(layout,
				Map.of("KEEL_DISCOVERY_USERNAME", "ops", "KEEL_DISCOVERY_PASSWORD", "from-the-environment"));
		assertThat(access.username()).isEqualTo("ops");
		assertThat(access.password()).isEqualTo("from-the-environment");
		assertThat(access.file()).isNull();
		assertThat(layout.discoveryPasswordFile()).doesNotExist();
		assertThat(access.summary("http://127.0.0.1:8761")).contains("KEEL_DISCOVERY_PASSWORD")
			.doesNotContain("from-the-environment");
	}

	@Test
	void theAuthorizationHeaderIsHttpBasic() {
		DiscoveryAccess access = new DiscoveryAccess("keel", "secret", null);
		assertThat(access.authorization())
			.isEqualTo("Basic " + Base64.getEncoder().encodeToString("keel:secret".getBytes()));
		assertThat(access.toString()).doesNotContain("secret");
	}

	@Test
	void theSummaryTellsWhereThePasswordIs() {
		DiscoveryAccess access = DiscoveryAccess.of(new Layout(this.home), Map.of());
		assertThat(access.summary("http://127.0.0.1:8761")).contains("http://127.0.0.1:8761")
			.contains(access.file().toString())
			.contains("curl -u keel:")
			.doesNotContain(access.password());
	}

}
