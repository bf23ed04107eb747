/**
 * Who sent a request and how it is known: the {@code X-Request-Id} every request and
 * response carries (API.md §1), and the client's IP address
 * ({@link dev.keel.gateway.request.ClientAddress}), taken from {@code X-Forwarded-For}
 * only on connections from the trusted proxies in front of the gateway. Trace context
 * ({@code traceparent}) is propagated by Micrometer Tracing, not here.
 */
package dev.keel.gateway.request;
