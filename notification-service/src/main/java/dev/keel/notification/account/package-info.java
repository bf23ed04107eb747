/**
 * Accounts: what notification-service knows of auth-service's users from its events
 * ({@code keel.user.registered}, {@code email-verified}, {@code roles-changed},
 * {@code disabled}, {@code enabled}): the address a user verified, their current roles
 * and whether they are disabled. Subscriptions ask it who may still hear what, the stream
 * whether a user may hold one; a disabled account is announced in-process
 * ({@link AccountDisabled}).
 */
package dev.keel.notification.account;
