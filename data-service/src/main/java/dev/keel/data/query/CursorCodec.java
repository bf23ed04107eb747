package dev.keel.data.query;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * Writes and reads keyset cursors: the sort values of a page's last item (in BSON, so a
 * number stays a number and a date a date) and a digest of the filter and sort they were
 * taken under, with a checksum, in base64url.
 * <p>
 * The checksum is not a signature: anyone could forge a cursor, but a forged one only
 * starts a page at another position, which a filter can do as well; its values are read
 * back as plain literals ({@link CursorValues}) and the access scope is applied anyway.
 * What it catches is a damaged or edited cursor, and a cursor reused with another filter
 * or sort, which would silently skip or repeat documents.
 */
final class CursorCodec {

	/** Far beyond any URL a server accepts, and small enough to read without worry. */
	static final int MAX_LENGTH = 16 * 1024;

	private static final byte VERSION = 1;

	private static final int BINDING_BYTES = 12;

	private static final int CHECKSUM_BYTES = 8;

	private CursorCodec() {
	}

	static String encode(List<Object> values, String filter, SortOrder sort) {
		Document payload = new Document("b", binding(filter, sort)).append("v", values);
		ByteBuffer bson = new RawBsonDocument(payload, new DocumentCodec()).getByteBuffer().asNIO();
		byte[] body = new byte[1 + bson.remaining()];
		body[0] = VERSION;
		bson.get(body, 1, bson.remaining());
		byte[] cursor = Arrays.copyOf(body, body.length + CHECKSUM_BYTES);
		System.arraycopy(checksum(body), 0, cursor, body.length, CHECKSUM_BYTES);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
	}

	/**
	 * The sort values a cursor holds, one per key of {@code sort}.
	 * @return the values, or {@code null} without a cursor (the first page)
	 * @throws QueryRejectedException with {@code invalid_cursor}
	 */
	static List<Object> decode(String cursor, String filter, SortOrder sort) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		byte[] bytes = bytes(cursor.strip());
		byte[] body = Arrays.copyOf(bytes, bytes.length - CHECKSUM_BYTES);
		byte[] checksum = Arrays.copyOfRange(bytes, body.length, bytes.length);
		if (body[0] != VERSION || !MessageDigest.isEqual(checksum, checksum(body))) {
			throw invalid("The cursor is damaged: pass nextCursor exactly as it was returned");
		}
		try {
			Document payload = CursorValues.read(ByteBuffer.wrap(body, 1, body.length - 1).slice());
			if (!binding(filter, sort).equals(payload.get("b"))) {
				throw invalid("The cursor belongs to another filter or sort: repeat the query that returned it");
			}
			if (!(payload.get("v") instanceof List<?> values) || values.size() != sort.keys().size()
					|| !(values.get(values.size() - 1) instanceof String)) {
				throw invalid("The cursor does not fit this query");
			}
			return Collections.<Object>unmodifiableList(values);
		}
		catch (QueryRejectedException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw invalid("The cursor cannot be read");
		}
	}

	private static byte[] bytes(String cursor) {
		if (cursor.length() > MAX_LENGTH) {
			throw invalid("The cursor is too long");
		}
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(cursor);
			if (bytes.length > 1 + CHECKSUM_BYTES) {
				return bytes;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw invalid("The cursor is not one this service issued");
	}

	/** A digest of what the cursor's position is relative to. */
	private static String binding(String filter, SortOrder sort) {
		String text = "filter:" + ((filter == null || filter.isBlank()) ? "" : filter) + "\nsort:" + sort.canonical();
		return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)), 0, BINDING_BYTES);
	}

	private static byte[] checksum(byte[] body) {
		return Arrays.copyOf(sha256(body), CHECKSUM_BYTES);
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	private static QueryRejectedException invalid(String message) {
		return new QueryRejectedException(QueryRejectedException.INVALID_CURSOR, null, message);
	}

}
