/**
 * Who sent a request and how it is known: the {@code X-Request-Id} every request and
 * response carries (API.md §1), and the client's IP address
 * ({@link dev.keel.gateway.request.ClientAddress}), taken from {@code X-Forwarded-For}
 * only on connections from the trusted proxies in front of the gateway. And the trace it
 * belongs to: whether it is sampled (observed) is decided at the door
 * ({@link dev.keel.gateway.request.EdgeSampling}), and every request, sampled or not,
 * passes a {@code traceparent} on to the service
 * ({@link dev.keel.gateway.request.TraceContexts}).
 */
package dev.keel.gateway.request;
