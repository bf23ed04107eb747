package dev.keel.data.document;

/**
 * An {@code If-Match} header: absent, {@code *}, or a list of ETags, strong or weak. A
 * header that names no parseable version matches nothing, so a client that sent one never
 * overwrites a change it has not seen.
 *
 * @param header the header, or {@code null}
 */
record Precondition(String header) {

	boolean isPresent() {
		return this.header != null;
	}

	boolean matches(long version) {
		if (this.header == null || this.header.strip().equals("*")) {
			return true;
		}
		for (String tag : this.header.split(",")) {
			String value = tag.strip();
			if (value.startsWith("W/")) {
				value = value.substring(2);
			}
			if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
				value = value.substring(1, value.length() - 1);
			}
			if (value.equals(Long.toString(version))) {
				return true;
			}
		}
		return false;
	}

}
