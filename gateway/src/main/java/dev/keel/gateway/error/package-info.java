/**
 * Problem+json errors (RFC 9457, API.md §1): deciding what a failure means for the client
 * ({@link dev.keel.gateway.error.Failures}), building the body in one place
 * ({@link dev.keel.gateway.error.Problems}) and writing it, for exceptions and for the
 * circuit breakers' fallback alike.
 */
package dev.keel.gateway.error;
