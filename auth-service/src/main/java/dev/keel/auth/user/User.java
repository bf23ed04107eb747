package dev.keel.auth.user;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored account. {@code email} is kept lower-cased, so the unique index makes
 * addresses case-insensitive; the password is only ever an encoded hash.
 */
@Document(Users.COLLECTION)
record User(@Id String id, String email, String displayName, String passwordHash, List<String> roles,
		boolean emailVerified, boolean disabled, Instant createdAt, Instant updatedAt) {

	static final String DEFAULT_ROLE = "user";

	static final String ADMIN_ROLE = "admin";

	User {
		roles = List.copyOf(roles);
	}

	static String normalize(String email) {
		return email.trim().toLowerCase(java.util.Locale.ROOT);
	}

}
