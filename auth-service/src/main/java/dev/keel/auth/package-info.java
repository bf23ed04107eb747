/**
 * auth-service: Accounts, tokens, signing keys and service accounts.
 */
package dev.keel.auth;
