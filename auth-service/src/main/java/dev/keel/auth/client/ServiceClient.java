package dev.keel.auth.client;

import java.time.Instant;
import java.util.List;

/**
 * A service account as stored in {@code service_clients}.
 *
 * @param id the client id
 * @param name what the admin called it
 * @param roles the {@code roles} of its access tokens
 * @param secretHash the base64url SHA-256 of its secret
 * @param createdAt when it was created
 */
record ServiceClient(String id, String name, List<String> roles, String secretHash, Instant createdAt) {

	static final String COLLECTION = "service_clients";

}
