package dev.keel.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.keel.bench.EventTap.Published;
import dev.keel.bench.HopProfile.Hops;
import dev.keel.bench.HopProfile.Posted;
import dev.keel.bench.SseStream.Arrival;

import static org.assertj.core.api.Assertions.assertThat;

class HopProfileTests {

	private static final Instant T0 = Instant.parse("2026-12-07T20:00:00Z");

	@Test
	void splitsEachWriteAtTheTimestampsItsPathLeaves() {
		Map<String, Posted> posted = Map.of("d1", new Posted(at(0), at(6)));
		Map<String, Published> published = Map.of("d1", new Published("d1", at(4), at(15), at(17)));
		List<Arrival> arrivals = List.of(new Arrival("d1", 0, at(30.5), at(22)));

		HopProfile profile = HopProfile.of(posted, published, arrivals);

		assertThat(profile.writes()).containsExactly(new Hops("d1", 4, 11, 2, 7, 8.5, 30.5));
	}

	@Test
	void leavesOutWritesWithoutEveryTimestampAndSecondArrivals() {
		Map<String, Posted> posted = Map.of("d1", new Posted(at(0), at(1)), "d2", new Posted(at(0), at(1)), "d3",
				new Posted(at(0), at(1)));
		Map<String, Published> published = Map.of("d1", new Published("d1", at(1), at(2), at(3)), "d3",
				new Published("d3", at(1), at(2), at(3)));
		List<Arrival> arrivals = List.of(new Arrival("d1", 0, at(10), at(5)), new Arrival("d1", 0, at(90), at(5)),
				new Arrival("d2", 0, at(10), at(5)), new Arrival("d3", 0, at(10), null),
				new Arrival("other", 0, at(10), at(5)));

		HopProfile profile = HopProfile.of(posted, published, arrivals);

		assertThat(profile.writes()).extracting(Hops::documentId).containsExactly("d1");
		assertThat(profile.writes().getFirst().whole()).isEqualTo(10.0);
	}

	@Test
	void theLastColumnIsTheMeanOfTheSlowestOnePercent() {
		Map<String, Posted> posted = new LinkedHashMap<>();
		Map<String, Published> published = new LinkedHashMap<>();
		List<Arrival> arrivals = IntStream.rangeClosed(1, 200).mapToObj((i) -> {
			String id = "d" + i;
			posted.put(id, new Posted(at(0), at(1)));
			// Two slow writes (199 and 200), slow in the relay: 100 and 200 ms there.
			// They
			// are the 1 % above the nearest-rank p99, which the last column shows.
			double relay = (i == 199) ? 100 : (i == 200) ? 200 : 1;
			published.put(id, new Published(id, at(2), at(2 + relay), at(3 + relay)));
			return new Arrival(id, 0, at(2 + relay + 10), at(2 + relay + 5));
		}).toList();

		HopProfile profile = HopProfile.of(posted, published, arrivals);

		assertThat(profile.slowest()).extracting(Hops::documentId).containsExactly("d200", "d199");
		List<String> lines = profile.lines();
		assertThat(lines.getFirst()).startsWith("Per hop over 200 writes").contains("the slowest 2 ");
		assertThat(lines).anySatisfy((line) -> assertThat(line)
			.matches("  written -> sent to Kafka \\(outbox relay\\) +1\\.0 +1\\.0 +200\\.0 +150\\.0"));
		assertThat(lines).anySatisfy((line) -> assertThat(line)
			.matches("  sent to Kafka -> inbox item \\(listener\\) +5\\.0 +5\\.0 +5\\.0 +5\\.0"));
		assertThat(lines)
			.anySatisfy((line) -> assertThat(line).matches("  whole way +13\\.0 +13\\.0 +212\\.0 +162\\.0"));
	}

	@Test
	void saysSoWhenNoWriteHasEveryTimestamp() {
		assertThat(HopProfile.of(Map.of(), Map.of(), List.of()).lines())
			.containsExactly("Per hop: no write has every timestamp.");
	}

	private static Instant at(double millis) {
		return T0.plusNanos((long) (millis * 1_000_000));
	}

}
