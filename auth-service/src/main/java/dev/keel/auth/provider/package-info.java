/**
 * Sign-in with external identity providers: the operator's provider registry
 * ({@link dev.keel.auth.provider.IdentityProviders}), the OpenID Connect client
 * (discovery, the code exchange, {@code id_token} validation), the browser flow's state
 * in MongoDB ({@code sign_in_flows}), the {@code /api/auth/authorize} and
 * {@code /api/auth/callback/{provider}} endpoints, and the id_token exchange of the token
 * endpoint. Which user an identity belongs to is decided by the user feature, through the
 * {@link dev.keel.auth.provider.ProviderAccounts} contract.
 */
package dev.keel.auth.provider;
