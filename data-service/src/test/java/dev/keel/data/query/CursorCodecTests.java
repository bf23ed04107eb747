package dev.keel.data.query;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonJavaScript;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTests {

	private final FieldTypes types = QueryFixtures.untyped();

	private final SortOrder sort = SortOrder.parse("a,b,c,d,e,f,g,-h", this.types);

	private final List<Object> values = Arrays.asList(null, 3, 4L, 2.5, Decimal128.parse("1.10"), "text",
			new org.bson.Document("x", List.of(1, "y")), new Date(1_700_000_000_123L), "65f1c0de0000000000000001");

	@Test
	void aCursorGivesBackTheSortValuesWithTheirTypes() {
		String cursor = CursorCodec.encode(this.values, "a==1", this.sort);
		assertThat(cursor).matches("[A-Za-z0-9_-]+");
		List<Object> decoded = CursorCodec.decode(cursor, "a==1", this.sort);
		assertThat(decoded).containsExactlyElementsOf(this.values);
		assertThat(decoded.get(1)).isInstanceOf(Integer.class);
		assertThat(decoded.get(2)).isInstanceOf(Long.class);
		assertThat(decoded.get(7)).isInstanceOf(Date.class);
	}

	@Test
	void noCursorIsTheFirstPage() {
		assertThat(CursorCodec.decode(null, null, this.sort)).isNull();
		assertThat(CursorCodec.decode(" ", null, this.sort)).isNull();
	}

	@Test
	void aCursorOnlyWorksWithTheFilterAndSortItCameFrom() {
		String cursor = CursorCodec.encode(this.values, "a==1", this.sort);
		assertInvalid(cursor, "a==2", this.sort);
		assertInvalid(cursor, null, this.sort);
		assertInvalid(cursor, "a==1", SortOrder.parse("a,b,c,d,e,f,g,h", this.types));
		String unfiltered = CursorCodec.encode(List.of("id"), null, SortOrder.DEFAULT);
		assertThat(CursorCodec.decode(unfiltered, "", SortOrder.DEFAULT)).containsExactly("id");
	}

	@Test
	void anyChangedCharacterMakesTheCursorInvalid() {
		String cursor = CursorCodec.encode(this.values, "a==1", this.sort);
		for (int i = 0; i < cursor.length(); i++) {
			char replacement = (cursor.charAt(i) == 'A') ? 'B' : 'A';
			String tampered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
			assertInvalid(tampered, "a==1", this.sort);
		}
		assertInvalid(cursor.substring(0, cursor.length() - 1), "a==1", this.sort);
		assertInvalid(cursor + "A", "a==1", this.sort);
	}

	@ParameterizedTest
	@ValueSource(strings = { "x", "!!!!", "AAAAAAAAAAAAAAAAAAAAAAAA", "eyJ2IjpbXX0", "null", "%00" })
	void garbageIsAnInvalidCursor(String cursor) {
		assertInvalid(cursor, null, SortOrder.DEFAULT);
	}

	@Test
	void aVeryLongCursorIsRejectedUnread() {
		assertInvalid("A".repeat(CursorCodec.MAX_LENGTH + 1), null, SortOrder.DEFAULT);
	}

	@Test
	void aForgedCursorWithAValidChecksumCannotCarryCodeOrOtherTypes() {
		BsonArray values = new BsonArray(List.of(new BsonJavaScript("sleep(10000)"), new BsonString("id")));
		String forged = forge(values, "a==1", SortOrder.parse("a", this.types));
		assertInvalid(forged, "a==1", SortOrder.parse("a", this.types));
	}

	@Test
	void aForgedCursorCannotCarryAnObjectThatReadsLikeAnOperator() {
		BsonDocument operator = new BsonDocument("$ne", new BsonNull());
		String forged = forge(new BsonArray(List.of(operator, new BsonString("id"))), "",
				SortOrder.parse("a", this.types));
		assertInvalid(forged, "", SortOrder.parse("a", this.types));
	}

	@Test
	void aForgedCursorNestedThousandsDeepIsRejectedWithoutRecursingThatFar() {
		BsonValue deep = new BsonString("bottom");
		for (int i = 0; i < 1000; i++) {
			deep = new BsonDocument("d", deep);
		}
		String forged = forge(new BsonArray(List.of(deep, new BsonString("id"))), "", SortOrder.parse("a", this.types));
		assertThat(forged.length()).isLessThan(CursorCodec.MAX_LENGTH);
		assertInvalid(forged, "", SortOrder.parse("a", this.types));
	}

	@Test
	void aForgedCursorWithTheWrongNumberOfValuesIsRejected() {
		String forged = forge(new BsonArray(List.of(new BsonString("id"))), "", SortOrder.parse("a", this.types));
		assertInvalid(forged, "", SortOrder.parse("a", this.types));
	}

	private static void assertInvalid(String cursor, String filter, SortOrder sort) {
		assertThatThrownBy(() -> CursorCodec.decode(cursor, filter, sort))
			.isInstanceOfSatisfying(QueryRejectedException.class, (rejection) -> {
				assertThat(rejection.code()).isEqualTo("invalid_cursor");
				assertThat(rejection.getMessage()).isNotBlank();
			});
	}

	/**
	 * What someone who read this code could build: the format, with a correct checksum.
	 */
	private static String forge(BsonArray values, String filter, SortOrder sort) {
		String binding = bindingOf(filter, sort);
		BsonDocument payload = new BsonDocument("b", new BsonString(binding)).append("v", values);
		ByteBuffer bson = new RawBsonDocument(payload, new BsonDocumentCodec()).getByteBuffer().asNIO();
		byte[] body = new byte[1 + bson.remaining()];
		body[0] = 1;
		bson.get(body, 1, bson.remaining());
		byte[] checksum = Arrays.copyOf(sha256(body), 8);
		byte[] cursor = Arrays.copyOf(body, body.length + 8);
		System.arraycopy(checksum, 0, cursor, body.length, 8);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
	}

	/**
	 * Taken from a real cursor of a one-key sort, so the forgery only varies the values.
	 */
	private static String bindingOf(String filter, SortOrder sort) {
		String real = CursorCodec.encode(Arrays.asList(null, "id"), filter, sort);
		byte[] bytes = Base64.getUrlDecoder().decode(real);
		RawBsonDocument document = new RawBsonDocument(bytes, 1, bytes.length - 9);
		return document.getString("b").getValue();
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
