package dev.keel.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's local mail sink, read through its Mailpit-compatible HTTP API. */
final class MailSink {

	private static final String SINK = "http://localhost:" + KeelCli.port(8025);

	private static final HttpClient http = HttpClient.newHttpClient();

	private MailSink() {
	}

	/** The first message to an address with the subject, waiting up to 30 s for it. */
	static JsonNode awaitMessage(String to, String subject) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			for (JsonNode message : messagesTo(to)) {
				if (message.path("Subject").asString().equals(subject)) {
					return message;
				}
			}
			assertThat(System.nanoTime()).as("no '%s' email to %s within 30 s", subject, to).isLessThan(deadline);
			TimeUnit.MILLISECONDS.sleep(250);
		}
	}

	/** Every message to an address so far, in full. */
	static List<JsonNode> messagesTo(String to) throws Exception {
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode summary : get("/api/v1/messages").path("messages")) {
			if (summary.path("To").valueStream().anyMatch((a) -> a.path("Address").asString().equalsIgnoreCase(to))) {
				found.add(get("/api/v1/message/" + summary.path("ID").asString()));
			}
		}
		return found;
	}

	/** The messages to an address with the subject. */
	static List<JsonNode> messagesTo(String to, String subject) throws Exception {
		return messagesTo(to).stream().filter((message) -> message.path("Subject").asString().equals(subject)).toList();
	}

	private static JsonNode get(String path) throws Exception {
		return Api.json.readTree(
				http.send(HttpRequest.newBuilder(URI.create(SINK + path)).build(), BodyHandlers.ofString()).body());
	}

}
