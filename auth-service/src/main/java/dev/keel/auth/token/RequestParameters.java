package dev.keel.auth.token;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Reads the parameters of a token or revocation request from either body format that Keel
 * accepts: {@code application/x-www-form-urlencoded} (RFC 6749) or a flat JSON object of
 * strings. Anything else is described, never thrown, so the endpoints can answer it in
 * their own error format.
 */
final class RequestParameters {

	private static final int MAX_JSON_BYTES = 16 * 1024;

	private static final JsonMapper json = JsonMapper.builder().build();

	private RequestParameters() {
	}

	sealed interface Parsed {

		record Parameters(Map<String, String> values) implements Parsed {
		}

		record Unreadable(String description) implements Parsed {
		}

	}

	static Parsed read(HttpServletRequest request) {
		MediaType type;
		try {
			type = (request.getContentType() != null) ? MediaType.parseMediaType(request.getContentType()) : null;
		}
		catch (InvalidMediaTypeException ex) {
			type = null;
		}
		if (type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
			return form(request);
		}
		if (type != null && (MediaType.APPLICATION_JSON.includes(type) || "json".equals(type.getSubtypeSuffix()))) {
			return json(request);
		}
		return new Parsed.Unreadable(
				"Send the parameters as application/x-www-form-urlencoded or as a JSON object of strings.");
	}

	private static Parsed form(HttpServletRequest request) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (IllegalStateException ex) { // Tomcat's InvalidParameterException: a broken
											// form
			return new Parsed.Unreadable("The form body cannot be decoded.");
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (parameter.getValue().length != 1) {
				return new Parsed.Unreadable("Parameter " + parameter.getKey() + " was sent more than once.");
			}
			values.put(parameter.getKey(), parameter.getValue()[0]);
		}
		return new Parsed.Parameters(values);
	}

	private static Parsed json(HttpServletRequest request) {
		JsonNode body;
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_JSON_BYTES + 1);
			if (bytes.length > MAX_JSON_BYTES) {
				return new Parsed.Unreadable("The request body is too large.");
			}
			body = json.readTree(bytes);
		}
		catch (IOException | JacksonException ex) {
			return new Parsed.Unreadable("The request body is not valid JSON.");
		}
		if (body == null || !body.isObject()) {
			return new Parsed.Unreadable("The request body must be a JSON object.");
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			if (field.getValue().isString()) {
				values.put(field.getKey(), field.getValue().asString());
			}
			else if (!field.getValue().isNull()) {
				return new Parsed.Unreadable("Parameter " + field.getKey() + " must be a string.");
			}
		}
		return new Parsed.Parameters(values);
	}

}
