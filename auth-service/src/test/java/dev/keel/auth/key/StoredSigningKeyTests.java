package dev.keel.auth.key;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredSigningKeyTests {

	private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");

	private static final Duration WINDOW = Duration.ofMinutes(16);

	@Test
	void theActiveKeyIsAlwaysPublished() {
		assertThat(key(null).publishedAt(CREATED.plus(Duration.ofDays(400)), WINDOW)).isTrue();
	}

	@Test
	void aRetiredKeyIsPublishedUntilItsLastTokensHaveExpired() {
		Instant retired = CREATED.plus(Duration.ofDays(30));
		StoredSigningKey key = key(retired);

		assertThat(key.publishedAt(retired.plus(WINDOW).minusMillis(1), WINDOW)).isTrue();
		assertThat(key.publishedAt(retired.plus(WINDOW), WINDOW)).isFalse();
	}

	private static StoredSigningKey key(Instant retiredAt) {
		return new StoredSigningKey("kid", 1, "{}", new byte[12], new byte[1], CREATED, retiredAt, null);
	}

}
