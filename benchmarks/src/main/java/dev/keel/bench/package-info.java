/**
 * {@code keel bench}: load generators that measure a running local platform, not tests.
 * {@code keel bench data} measures data-service's create, get-by-id and filtered query
 * through the gateway, directly against one instance, and with the raw MongoDB driver on
 * the same store, in a closed loop of virtual threads, and prints requests/s and p50/p99
 * for each; {@code keel bench gateway} (in {@code gateway}) measures what the gateway
 * costs against direct calls and nginx. See {@code docs/performance.md}.
 */
package dev.keel.bench;
