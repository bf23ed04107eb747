package dev.keel.cli.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalAdminTests {

	@Test
	void developmentDefaultWhenNeitherVariableIsSet() {
		LocalAdmin admin = LocalAdmin.from(Map.of()).orElseThrow();
		assertThat(admin.developmentDefault()).isTrue();
		assertThat(admin.email()).isEqualTo("admin@keel.local");
		assertThat(admin.summary()).contains("admin@keel.local", admin.password(), "development default",
				"KEEL_BOOTSTRAP_ADMIN_EMAIL/PASSWORD");
	}

	@Test
	void blankVariablesCountAsUnset() {
		assertThat(LocalAdmin.from(Map.of("KEEL_BOOTSTRAP_ADMIN_EMAIL", "", "KEEL_BOOTSTRAP_ADMIN_PASSWORD", " ")))
			.contains(LocalAdmin.DEVELOPMENT_DEFAULT);
	}

	@Test
	void theEnvironmentsAdminWinsAndItsPasswordIsNeverPrinted() {
		LocalAdmin admin = LocalAdmin
			.from(Map.of("KEEL_BOOTSTRAP_ADMIN_EMAIL", "ops@example.com", "KEEL_BOOTSTRAP_ADMIN_PASSWORD",
					"s3cret-pass"))
			.orElseThrow();
		assertThat(admin.developmentDefault()).isFalse();
		assertThat(admin.email()).isEqualTo("ops@example.com");
		assertThat(admin.summary()).contains("ops@example.com").doesNotContain("s3cret-pass");
		assertThat(admin.toString()).doesNotContain("s3cret-pass");
	}

	@Test
	void onlyOneVariableSetGivesNoAdminRatherThanAMix() {
		assertThat(LocalAdmin.from(Map.of("KEEL_BOOTSTRAP_ADMIN_EMAIL", "ops@example.com"))).isEmpty();
		assertThat(LocalAdmin.from(Map.of("KEEL_BOOTSTRAP_ADMIN_PASSWORD", "s3cret-pass"))).isEmpty();
	}

	@Test
	void noDefaultInProduction() {
		assertThat(LocalAdmin.from(Map.of("KEEL_PROFILE", "production"))).isEmpty();
	}

	/**
	 * auth-service refuses (and creates no admin for) a password shorter than 8
	 * characters or on its common-password list, compared case-insensitively.
	 */
	@Test
	void defaultPasswordPassesAuthServicesPasswordPolicy() throws IOException {
		String password = LocalAdmin.DEVELOPMENT_DEFAULT.password();
		Path list = Path.of("../auth-service/src/main/resources/common-passwords.txt");
		Set<String> common;
		try (var lines = Files.lines(list)) {
			common = lines.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.map((line) -> line.trim().toLowerCase(Locale.ROOT))
				.collect(Collectors.toSet());
		}
		assertThat(common).hasSizeGreaterThan(9_000).doesNotContain(password.toLowerCase(Locale.ROOT));
		assertThat(password.codePointCount(0, password.length())).isBetween(8, 128);
	}

}
