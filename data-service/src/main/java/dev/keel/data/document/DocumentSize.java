package dev.keel.data.document;

import java.io.OutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The size limit of a stored document: its user fields as compact JSON, at most
 * {@value #MAX_BYTES} bytes, the same limit a creation's body has. A merge patch can make
 * a document grow past it one small request at a time, so every change is measured on its
 * result.
 */
final class DocumentSize {

	static final int MAX_BYTES = JsonBodies.MAX_BYTES;

	private DocumentSize() {
	}

	/**
	 * Whether the fields, written as JSON, are over the limit. Counts the bytes without
	 * keeping them.
	 * @param fields the document's user fields
	 * @return {@code true} when they would be over {@value #MAX_BYTES} bytes
	 */
	static boolean exceedsLimit(ObjectNode fields) {
		return bytes(fields) > MAX_BYTES;
	}

	/**
	 * How many bytes a JSON value takes written compactly in UTF-8.
	 * @param json the value
	 * @return its size in bytes
	 */
	static long bytes(JsonNode json) {
		ByteCount count = new ByteCount();
		JsonMapper.shared().writeValue(count, json);
		return count.bytes;
	}

	private static final class ByteCount extends OutputStream {

		private long bytes;

		@Override
		public void write(int b) {
			this.bytes++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.bytes += len;
		}

	}

}
