/**
 * Request ids: the {@code X-Request-Id} every request and response carries (API.md §1).
 * Trace context ({@code traceparent}) is propagated by Micrometer Tracing, not here.
 */
package dev.keel.gateway.request;
