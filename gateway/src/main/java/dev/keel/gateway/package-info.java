/**
 * Keel's single entry point. Routes are declared in {@code application.yml}; the code
 * here covers the edge concerns YAML cannot: request ids, token checks, rate and body
 * limits, CORS and security headers, access logs, problem+json errors, the circuit
 * breakers' fallback and the API docs. Pages and business rules live in the services.
 */
package dev.keel.gateway;
