package dev.keel.gateway.ratelimit;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.github.bucket4j.BucketConfiguration;

import org.springframework.boot.convert.DurationStyle;

/**
 * A rate limit written as {@code <requests>/<period>}, such as {@code 20/1m}: a bucket of
 * that many requests, refilled continuously at that many per period. A client may spend
 * the whole bucket at once, then one request every {@code period / requests}.
 *
 * @param capacity the requests a bucket holds
 * @param period how long an empty bucket takes to fill again
 */
record Limit(long capacity, Duration period) {

	Limit {
		if (capacity < 1 || period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("A rate limit needs at least one request and a positive period");
		}
	}

	/**
	 * Reads a limit such as {@code 20/1m}, {@code 600/60s} or {@code 5/1h}; the binder
	 * calls this for the {@code keel.gateway.rate-limits.*} settings.
	 * @param text the limit
	 * @return the limit
	 */
	public static Limit of(String text) {
		int slash = text.indexOf('/');
		if (slash < 1) {
			throw new IllegalArgumentException(
					"A rate limit reads <requests>/<period>, such as 20/1m, not '" + text + "'");
		}
		try {
			return new Limit(Long.parseLong(text.substring(0, slash).strip()),
					DurationStyle.detectAndParse(text.substring(slash + 1).strip()));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"A rate limit reads <requests>/<period>, such as 20/1m, not '" + text + "'", ex);
		}
	}

	BucketConfiguration bucket() {
		return BucketConfiguration.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(this.capacity).refillGreedy(this.capacity, this.period))
			.build();
	}

	@Override
	public String toString() {
		return this.capacity + "/" + print(this.period);
	}

	// In the largest unit that divides the period, as people write it: 1m, not 60000ms.
	private static String print(Duration period) {
		for (ChronoUnit unit : List.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS)) {
			if (period.toMillis() % unit.getDuration().toMillis() == 0) {
				return DurationStyle.SIMPLE.print(period, unit);
			}
		}
		return DurationStyle.SIMPLE.print(period);
	}

}
