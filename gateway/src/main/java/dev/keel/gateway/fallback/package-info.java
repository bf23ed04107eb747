/**
 * The circuit breakers' fallback: what a client gets while a service is down or slow
 * (API.md §6, "Resilience"). The breakers themselves are configured in
 * {@code application.yml}.
 */
package dev.keel.gateway.fallback;
