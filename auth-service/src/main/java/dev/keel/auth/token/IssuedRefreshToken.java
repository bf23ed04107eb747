package dev.keel.auth.token;

import java.time.Instant;

/**
 * The record that ties a refresh token, by its SHA-256 hash, to its family, kept in
 * {@code refresh_tokens} for as long as the family lives so that a reused token is
 * recognised.
 *
 * @param id the base64url SHA-256 hash of the token
 * @param familyId the family it was issued in
 * @param expiresAt when MongoDB may delete the record (TTL): the family's end
 */
record IssuedRefreshToken(String id, String familyId, Instant expiresAt) {

	static final String COLLECTION = "refresh_tokens";

}
