package dev.keel.auth.token;

import java.util.Map;

/**
 * The parameters of a token request, from a form or a JSON body, the client credentials
 * of its {@code Authorization} header, and the device it came from (recorded with a
 * session it starts).
 */
record TokenRequest(Map<String, String> parameters, BasicAuthorization authorization, ClientDevice device) {

	TokenRequest {
		parameters = Map.copyOf(parameters);
	}

	/** The parameter, or {@code null} when it is missing or empty (RFC 6749 §3.1). */
	String parameter(String name) {
		String value = this.parameters.get(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

}
