package dev.keel.auth.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The 10,000 most common passwords, shipped with the service
 * ({@code common-passwords.txt}), compared case-insensitively.
 */
final class CommonPasswords {

	private static final String RESOURCE = "/common-passwords.txt";

	private final Set<String> passwords;

	private CommonPasswords(Set<String> passwords) {
		this.passwords = Set.copyOf(passwords);
	}

	static CommonPasswords load() {
		Set<String> passwords = new HashSet<>(16_384);
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(CommonPasswords.class.getResourceAsStream(RESOURCE), StandardCharsets.UTF_8))) {
			reader.lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.forEach((line) -> passwords.add(line.trim().toLowerCase(Locale.ROOT)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + RESOURCE, ex);
		}
		return new CommonPasswords(passwords);
	}

	boolean contains(String password) {
		return this.passwords.contains(password.toLowerCase(Locale.ROOT));
	}

	int size() {
		return this.passwords.size();
	}

}
