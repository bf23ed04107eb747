package dev.keel.gateway.request;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTests {

	private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	@ParameterizedTest
	@ValueSource(strings = { "a", "client-42.retry:1_A", "0f8fad5b-d9cb-469f-a165-70867728950e" })
	void keepsSaneIds(String id) {
		assertThat(RequestIds.acceptOrGenerate(id)).isEqualTo(id);
	}

	@Test
	void keepsIdsOfUpTo128Characters() {
		String id = "a".repeat(128);
		assertThat(RequestIds.acceptOrGenerate(id)).isEqualTo(id);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "with space", "semi;colon", "new\nline", "ünïcode", "<script>" })
	void replacesMissingOrInsaneIds(String id) {
		assertThat(RequestIds.acceptOrGenerate(id)).matches(UUID_PATTERN);
	}

	@Test
	void replacesIdsLongerThan128Characters() {
		assertThat(RequestIds.acceptOrGenerate("a".repeat(129))).matches(UUID_PATTERN);
	}

	@Test
	void generatesADifferentIdEachTime() {
		assertThat(RequestIds.acceptOrGenerate(null)).isNotEqualTo(RequestIds.acceptOrGenerate(null));
	}

}
