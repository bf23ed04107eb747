/**
 * Signed webhooks: admins register HTTP endpoints for event types (optionally narrowed to
 * collections); every matching event becomes one delivery per webhook, stored in MongoDB
 * and POSTed with Standard Webhooks signatures by a worker on every instance, retried on
 * a configurable schedule until it succeeds or is marked dead.
 * <p>
 * The rules (retry schedule, signing, event patterns, the private-target guard) are plain
 * Java, unit-tested without Spring; the stores, listener, worker and API wire them up.
 */
package dev.keel.notification.webhook;
