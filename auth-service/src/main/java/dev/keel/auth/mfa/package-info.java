/**
 * Second factors: a user's TOTP factor (enrollment, confirmation, recovery codes,
 * removal) under {@code /api/auth/me/mfa/totp}, and the second sign-in step at the token
 * endpoint, which this feature provides through
 * {@link dev.keel.auth.token.SecondFactors}.
 */
package dev.keel.auth.mfa;
