/**
 * The HTTP edge every Keel service shares: RFC 9457 problem responses with Keel's
 * {@code code} and {@code traceId}, and the {@code X-Request-Id} header. Auto-configured,
 * so a service gets the same error contract as the others by depending on this module.
 */
package dev.keel.support.web;
