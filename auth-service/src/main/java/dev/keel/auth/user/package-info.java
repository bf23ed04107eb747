/**
 * User accounts: signup with the password policy, Argon2id hashing, the caller's profile
 * and password, email verification and password reset with single-use tokens, login with
 * per-account throttling, admin management of users, and the bootstrap admin. Changes
 * that other services care about are written with their {@code keel.user.*} events in one
 * single-document write (the embedded outbox).
 */
package dev.keel.auth.user;
