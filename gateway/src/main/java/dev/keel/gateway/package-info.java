/**
 * Keel's single entry point. Routes are declared in {@code application.yml}; the code
 * here covers what YAML cannot: request ids, problem+json errors and the circuit
 * breakers' fallback.
 */
package dev.keel.gateway;
