/**
 * Token checks at the edge: every client request loses the headers only the platform may
 * set; a path that no route or page of the gateway serves is a 404 whatever the token; a
 * bearer token is verified against auth-service's published keys (cached, fetched again
 * when a token names a new key) with its issuer, audience and lifetime; an invalid token,
 * or a missing one outside the anonymous routes, is refused with 401 before any routing.
 * The services check tokens as well; this keeps bad ones from reaching them at all.
 */
package dev.keel.gateway.security;
