package dev.keel.notification.inbox;

import java.util.List;

/**
 * A page of the inbox.
 *
 * @param items the items, newest first
 * @param nextCursor where the next page starts, or {@code null} after the last
 */
record InboxPage(List<InboxItem> items, String nextCursor) {
}
