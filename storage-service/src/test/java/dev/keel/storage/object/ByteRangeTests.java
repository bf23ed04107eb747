package dev.keel.storage.object;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ByteRangeTests {

	@Test
	void readsTheThreeFormsOfOneRange() {
		assertThat(ByteRange.parse("bytes=0-9", 100)).contains(new ByteRange(0, 10));
		assertThat(ByteRange.parse("bytes=90-", 100)).contains(new ByteRange(90, 10));
		assertThat(ByteRange.parse("bytes=-5", 100)).contains(new ByteRange(95, 5));
		assertThat(ByteRange.parse("bytes=-500", 100)).contains(new ByteRange(0, 100));
		assertThat(ByteRange.parse("bytes=50-5000", 100)).contains(new ByteRange(50, 50));
	}

	@Test
	void servesTheWholeContentForWhatItDoesNotTake() {
		assertThat(ByteRange.parse(null, 100)).isEmpty();
		assertThat(ByteRange.parse("bytes=0-1,3-4", 100)).isEmpty();
		assertThat(ByteRange.parse("items=0-1", 100)).isEmpty();
		assertThat(ByteRange.parse("bytes=9-1", 100)).isEmpty();
		assertThat(ByteRange.parse("bytes=-", 100)).isEmpty();
		assertThat(ByteRange.parse("bytes=99999999999999999999-", 100)).isEmpty();
	}

	@Test
	void aRangePastTheEndIsUnsatisfiable() {
		assertThatExceptionOfType(ByteRange.Unsatisfiable.class).isThrownBy(() -> ByteRange.parse("bytes=100-", 100));
		assertThatExceptionOfType(ByteRange.Unsatisfiable.class).isThrownBy(() -> ByteRange.parse("bytes=-0", 100));
		assertThatExceptionOfType(ByteRange.Unsatisfiable.class).isThrownBy(() -> ByteRange.parse("bytes=0-", 0));
	}

}
