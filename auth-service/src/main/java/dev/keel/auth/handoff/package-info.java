/**
 * The sign-in handoff: after a person signed in in a browser (a magic link, an external
 * identity provider), the app gets a one-time code on a redirect it registered in the
 * allow-list ({@link dev.keel.auth.handoff.RedirectAllowList}), and exchanges it with its
 * PKCE verifier at the token endpoint ({@code grant_type=authorization_code}) for Keel's
 * tokens. Tokens never travel in a URL. {@link dev.keel.auth.handoff.SignInHandoffs}
 * issues and redeems the codes; this package knows no users, tokens or providers.
 */
package dev.keel.auth.handoff;
