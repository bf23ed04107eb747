/**
 * Tokens: the OAuth2 token endpoint (password, refresh_token and client_credentials
 * grants), RS256 access tokens, rotating refresh tokens grouped in families (one family
 * per login session, with reuse detection and a grace window), revocation (RFC 7009) and
 * logout.
 * <p>
 * Other features plug in through {@link dev.keel.auth.token.PasswordLogin},
 * {@link dev.keel.auth.token.AccountStatus},
 * {@link dev.keel.auth.token.ClientCredentialsLogin} and
 * {@link dev.keel.auth.token.IdTokenLogin} (the id_token exchange), and end sessions
 * through {@link dev.keel.auth.token.SessionRevocation}. The rules of a family live in
 * the Spring-free {@code RefreshTokenFamily}.
 */
package dev.keel.auth.token;
