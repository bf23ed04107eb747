package dev.keel.bench;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FlexibleDurationTests {

	@Test
	void readsDurationsAsPeopleTypeThem() {
		assertThat(FlexibleDuration.parse("15s")).isEqualTo(Duration.ofSeconds(15));
		assertThat(FlexibleDuration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(FlexibleDuration.parse("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(FlexibleDuration.parse("30")).isEqualTo(Duration.ofSeconds(30));
		assertThat(FlexibleDuration.parse("0")).isZero();
		assertThat(FlexibleDuration.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
		assertThat(FlexibleDuration.parse("pt10s")).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void explainsWhatItCannotRead() {
		assertThatExceptionOfType(TypeConversionException.class).isThrownBy(() -> FlexibleDuration.parse("soon"))
			.withMessageContaining("15s");
		assertThatExceptionOfType(TypeConversionException.class).isThrownBy(() -> FlexibleDuration.parse("-5s"));
	}

}
