package dev.keel.gateway.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LimitTests {

	@Test
	void readsRequestsPerPeriod() {
		assertThat(Limit.of("20/1m")).isEqualTo(new Limit(20, Duration.ofMinutes(1)));
		assertThat(Limit.of("600/60s")).isEqualTo(new Limit(600, Duration.ofMinutes(1)));
		assertThat(Limit.of(" 5 / 1h ")).isEqualTo(new Limit(5, Duration.ofHours(1)));
		assertThat(Limit.of("100/PT10S")).isEqualTo(new Limit(100, Duration.ofSeconds(10)));
	}

	@Test
	void printsAsItIsWritten() {
		assertThat(Limit.of("20/1m")).hasToString("20/1m");
		assertThat(Limit.of("7/90s")).hasToString("7/90s");
	}

	@ParameterizedTest
	@ValueSource(strings = { "20", "/1m", "20/", "0/1m", "-1/1m", "20/0s", "x/1m", "20/soon" })
	void refusesWhatIsNotALimit(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Limit.of(text));
	}

}
