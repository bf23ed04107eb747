package dev.keel.notification.inbox;

/**
 * An inbox item was just stored, on this instance. Published in-process after the write,
 * for the live stream to pass on.
 *
 * @param notification the new item
 */
public record NotificationCreated(Notification notification) {
}
