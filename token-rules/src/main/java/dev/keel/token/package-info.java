/**
 * The rules a Keel access token must pass once its signature is verified, defined once
 * for the gateway's own verifier and the services' Spring Security decoder: the accepted
 * algorithms (RS256 only), the token types, the required claims, the issuer and the
 * audience, and the time claims within a clock skew. Plain Java over Nimbus JOSE + JWT:
 * no Spring, no servlet, no reactor.
 */
package dev.keel.token;
