/**
 * Keel's single entry point. Routes are declared in {@code application.yml}; the code
 * here covers what YAML cannot: request ids, problem+json errors, the circuit breakers'
 * fallback, and the small account pages that security emails link to.
 */
package dev.keel.gateway;
