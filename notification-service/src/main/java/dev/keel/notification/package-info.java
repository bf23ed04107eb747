/**
 * notification-service: Inbox, live stream, email, subscriptions and signed webhooks.
 */
package dev.keel.notification;
