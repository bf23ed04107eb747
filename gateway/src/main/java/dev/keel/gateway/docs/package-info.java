/**
 * {@code GET /docs}: Swagger UI over the OpenAPI documents of Keel's services. The
 * gateway serves only the page, Swagger UI's own files (from its webjar) and the list of
 * documents; the browser fetches each document through the gateway's ordinary routes
 * ({@code /api/auth/v3/api-docs} and so on), where each service generates its own with
 * springdoc, and "Try it out" calls go the same way. Nothing here is routed to a service.
 */
package dev.keel.gateway.docs;
