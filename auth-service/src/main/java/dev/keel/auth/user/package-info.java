/**
 * User accounts: signup with the password policy, Argon2id hashing behind a bulkhead, the
 * caller's profile and password, email verification and password reset with single-use
 * tokens and per-address mail throttles, login with a per-account lockout counted before
 * the hash, admin management of users, the bootstrap admin, and the identity-provider
 * accounts linked to users ({@code identities}, with the email rule of a first provider
 * sign-in). Changes that other services care about are written with their
 * {@code keel.user.*} events in one single-document write (the embedded outbox).
 */
package dev.keel.auth.user;
