/**
 * Subscriptions to document changes: who wants to hear about which collection or
 * document, and the listener that turns data-service's events into inbox items and emails
 * for them. The read rule travels with each event, so a subscriber hears only about
 * documents they may read, and never about their own changes.
 */
package dev.keel.notification.subscription;
