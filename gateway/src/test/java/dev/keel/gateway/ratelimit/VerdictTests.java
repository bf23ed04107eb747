package dev.keel.gateway.ratelimit;

import java.time.Duration;

import io.github.bucket4j.ConsumptionProbe;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictTests {

	private static final Limit LIMIT = new Limit(20, Duration.ofMinutes(1));

	@Test
	void allowedRequestTellsWhatIsLeftAndWhenTheBucketIsFull() {
		Verdict verdict = Verdict.of(LIMIT, ConsumptionProbe.consumed(19, Duration.ofMillis(2001).toNanos()));
		HttpHeaders headers = new HttpHeaders();
		verdict.writeTo(headers);
		assertThat(verdict.allowed()).isTrue();
		assertThat(headers.getFirst("RateLimit-Limit")).isEqualTo("20");
		assertThat(headers.getFirst("RateLimit-Remaining")).isEqualTo("19");
		assertThat(headers.getFirst("RateLimit-Reset")).isEqualTo("3");
	}

	@Test
	void refusedRequestWaitsAtLeastOneWholeSecond() {
		Verdict verdict = Verdict.of(LIMIT,
				ConsumptionProbe.rejected(0, Duration.ofMillis(10).toNanos(), Duration.ofSeconds(60).toNanos()));
		assertThat(verdict.allowed()).isFalse();
		assertThat(verdict.retryAfterSeconds()).isEqualTo(1);
		assertThat(verdict.remaining()).isZero();
		assertThat(verdict.resetSeconds()).isEqualTo(60);
	}

}
