package dev.keel.data.document;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads document bodies: at most {@value #MAX_BYTES} bytes (more is a 413 before the rest
 * is even read), strict JSON without duplicate keys or trailing content.
 *
 * @see UnreadableBodyException
 */
@Component
class JsonBodies {

	static final int MAX_BYTES = 256 * 1024;

	private final JsonMapper json;

	JsonBodies(JsonMapper json) {
		this.json = json.rebuild()
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();
	}

	JsonNode read(HttpServletRequest request) {
		if (request.getContentLengthLong() > MAX_BYTES) {
			throw tooLarge();
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BYTES + 1);
		}
		catch (IOException ex) {
			throw UnreadableBodyException.malformed("The request body could not be read.");
		}
		if (body.length > MAX_BYTES) {
			throw tooLarge();
		}
		try {
			JsonNode node = this.json.readTree(body);
			if (node == null || node.isMissingNode()) {
				throw UnreadableBodyException.malformed("The request body is empty.");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw UnreadableBodyException.malformed("The request body is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private static UnreadableBodyException tooLarge() {
		return UnreadableBodyException.tooLarge("A document may be at most " + (MAX_BYTES / 1024) + " KiB of JSON.");
	}

}
