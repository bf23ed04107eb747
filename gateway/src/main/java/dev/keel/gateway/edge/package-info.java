/**
 * Edge hygiene (API.md §1 and §6): what every request and response crossing the gateway
 * gets, whichever route it takes. An access log line in JSON without secrets
 * ({@link dev.keel.gateway.edge.AccessLogFilter}), standard security headers
 * ({@link dev.keel.gateway.edge.SecurityHeadersFilter}), CORS from an allow-list with
 * preflights answered here ({@link dev.keel.gateway.edge.CrossOriginFilter}) and a body
 * size limit ({@link dev.keel.gateway.edge.BodyLimitFilter}), except on the paths whose
 * bodies stream to their service ({@link dev.keel.gateway.edge.StreamingPaths}). Request
 * ids are in {@code request}; trace context is propagated by Micrometer Tracing.
 */
package dev.keel.gateway.edge;
