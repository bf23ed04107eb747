/**
 * The inbox: each user's notifications, newest first, with read state. Other features
 * deliver into it ({@link dev.keel.notification.inbox.Inbox#deliver}); every new item is
 * announced as a {@link dev.keel.notification.inbox.NotificationCreated} application
 * event for the live stream.
 */
package dev.keel.notification.inbox;
