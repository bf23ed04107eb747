/**
 * Bearer-token security for Keel's servlet services: they are OAuth2 resource servers for
 * auth-service's RS256 access tokens, configured under {@code keel.security.*}.
 * <ul>
 * <li><b>Keys.</b> The public keys come from auth-service's JWKS, reached through Eureka
 * ({@code keel.security.load-balanced}), cached and fetched again when a token names an
 * unknown {@code kid}. An application that holds the keys itself (auth-service) declares
 * a
 * {@code com.nimbusds.jose.jwk.source.JWKSource<com.nimbusds.jose.proc.SecurityContext>}
 * bean, which is then used instead of the remote JWKS; a {@code JwtDecoder} bean replaces
 * the decoder altogether (and then carries its own claim checks).</li>
 * <li><b>Public paths.</b> {@code keel.security.public-paths} lists the paths that need
 * no token; everything else needs one.</li>
 * <li><b>Roles.</b> The {@code roles} claim becomes {@code ROLE_<role>} authorities, and
 * method security is on: {@code @PreAuthorize("hasRole('admin')")}.</li>
 * <li><b>Callers.</b> Controllers take a {@link dev.keel.support.security.CurrentCaller}
 * parameter and hand it to their services, which need no Spring Security types.</li>
 * <li><b>Errors.</b> 401 {@code unauthorized} (with {@code WWW-Authenticate: Bearer}),
 * 403 {@code forbidden} and 503 {@code service_unavailable} (keys unreachable) are
 * problem+json documents like every other error.</li>
 * </ul>
 * The management server (a separate port) is left open for probes and metrics.
 */
package dev.keel.support.security;
