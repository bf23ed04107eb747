package dev.keel.notification.stream;

/**
 * One item on its way to streams, its SSE frame written once for every connection.
 *
 * @param id the notification id
 * @param frame the {@code event: notification} frame
 */
record Live(String id, String frame) {
}
