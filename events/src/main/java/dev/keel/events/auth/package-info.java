/**
 * Events about user accounts, published by auth-service on
 * {@link dev.keel.events.Topics#AUTH_EVENTS} and keyed by user id. The notification
 * service turns them into emails; other services may use them to clean up after a
 * disabled user.
 */
package dev.keel.events.auth;
