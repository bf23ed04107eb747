package dev.keel.notification.stream;

import java.time.Duration;

/**
 * The text of the Server-Sent Events this service writes (the WHATWG HTML "server-sent
 * events" format): each frame ends with a blank line, comments start with a colon.
 */
final class SseFrames {

	private SseFrames() {
	}

	/**
	 * The first frame: a comment, so that proxies pass the headers on at once, and how
	 * long {@code EventSource} waits before it reconnects.
	 */
	static String opened(Duration retry) {
		return ": connected\nretry: " + retry.toMillis() + "\n\n";
	}

	static String heartbeat() {
		return ": heartbeat\n\n";
	}

	/** An {@code event: notification} frame; the data is one line of JSON. */
	static String notification(String id, String json) {
		return "event: notification\nid: " + id + "\ndata: " + String.join("\ndata: ", json.split("\r\n|\r|\n"))
				+ "\n\n";
	}

}
