package dev.keel.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper configured as a producing service should configure it: an envelope
 * leaves out its unset attributes, everything else is written as is.
 */
final class EventJson {

	private EventJson() {
	}

	static JsonMapper mapper() {
		return JsonMapper.builder()
			.withConfigOverride(EventEnvelope.class,
					(envelope) -> envelope.setInclude(
							JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS)))
			.build();
	}

}
