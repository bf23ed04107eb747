package dev.keel.notification.stream;

/**
 * A ticket to open one stream without a header.
 *
 * @param ticket the ticket, for {@code ?ticket=}
 * @param expiresIn seconds until it expires
 */
record StreamTicket(String ticket, long expiresIn) {
}
