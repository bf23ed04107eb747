/**
 * Signing keys: RSA keys with a {@code kid}, kept in MongoDB with the private part
 * encrypted under the master key, one active key shared by every instance, rotation on a
 * schedule or by command, and their publication as the JWKS and the OpenID discovery
 * document.
 */
package dev.keel.auth.key;
