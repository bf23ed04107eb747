/**
 * Service accounts: clients that an admin creates for other servers, which get access
 * tokens through the {@code client_credentials} grant. Secrets are shown once and stored
 * only as SHA-256 hashes.
 */
package dev.keel.auth.client;
