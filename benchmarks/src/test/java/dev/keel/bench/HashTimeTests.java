package dev.keel.bench;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HashTimeTests {

	@Test
	void timesARealArgon2idHashOfNineteenMebibytes() {
		// 19 MiB filled twice cannot take less than a millisecond on any machine
		assertThat(HashTime.median(0, 1)).isGreaterThan(Duration.ofMillis(1));
	}

}
