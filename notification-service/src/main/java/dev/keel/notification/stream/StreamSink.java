package dev.keel.notification.stream;

import java.io.IOException;

/** Where a stream's frames go: the HTTP response, or a recorder in tests. */
interface StreamSink {

	/** Writes a frame; blocks while the client is slow to read. */
	void send(String frame) throws IOException;

	/** Ends the response. */
	void complete();

}
