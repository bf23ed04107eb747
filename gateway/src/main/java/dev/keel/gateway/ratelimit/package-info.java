/**
 * Rate limits at the edge (API.md §1 and §6): token buckets per client IP on the
 * anonymous auth endpoints, per token subject for authenticated requests and per client
 * IP for other anonymous requests (an IPv6 client by its /64). Buckets live in this
 * gateway's memory, or in Redis, shared by every gateway instance, when
 * {@code KEEL_REDIS_URL} is set; while Redis is unreachable the local buckets take over,
 * so requests are never let through unlimited.
 */
package dev.keel.gateway.ratelimit;
