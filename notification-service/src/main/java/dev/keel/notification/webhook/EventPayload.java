package dev.keel.notification.webhook;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body webhooks receive: the event's CloudEvents JSON as it was on the topic, except
 * that user events lose the {@code token} and {@code code} in their {@code data}.
 * Verification, password-reset and sign-in links and sign-in codes grant access to an
 * account and never leave the platform.
 */
final class EventPayload {

	private static final String USER_EVENTS = "keel.user.";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private EventPayload() {
	}

	/**
	 * The body for an event.
	 * @param record the event's CloudEvents JSON from Kafka
	 * @param type the event's type
	 * @return the JSON to send
	 */
	static String of(String record, String type) {
		if (!type.startsWith(USER_EVENTS)) {
			return record;
		}
		JsonNode event = mapper.readTree(record);
		if (event.path("data") instanceof ObjectNode data && (data.has("token") || data.has("code"))) {
			data.remove("token");
			data.remove("code");
			return mapper.writeValueAsString(event);
		}
		return record;
	}

}
