package dev.keel.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import dev.keel.bench.EventTap.Published;
import dev.keel.bench.SseStream.Arrival;

/**
 * Where a write's way to its subscriber's stream spends its time, hop by hop, from the
 * wall-clock timestamps the path leaves behind on this one machine: the client's
 * {@code POST}, the event's {@code time} (data-service wrote the document), the Kafka
 * record's timestamp (the outbox relay sent it), the moment a plain consumer had it, the
 * inbox item's {@code createdAt} (notification-service's listener made it) and the
 * frame's arrival. The services' timestamps have millisecond resolution, so each hop is
 * good to about a millisecond.
 * <p>
 * Each hop is summarised over every write with all its timestamps, and over the slowest 1
 * % of those writes (by the whole way, at least one): what the p99 is made of.
 *
 * @param writes each write's hops
 */
record HopProfile(List<Hops> writes) {

	static HopProfile of(Map<String, Posted> posted, Map<String, Published> published, List<Arrival> arrivals) {
		List<Hops> writes = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Arrival arrival : arrivals) {
			Posted post = posted.get(arrival.documentId());
			Published event = published.get(arrival.documentId());
			if (post != null && event != null && arrival.at() != null && arrival.createdAt() != null
					&& seen.add(arrival.documentId())) {
				writes.add(new Hops(arrival.documentId(), millis(post.sent(), event.written()),
						millis(event.written(), event.published()), millis(event.published(), event.consumed()),
						millis(event.published(), arrival.createdAt()), millis(arrival.createdAt(), arrival.at()),
						millis(post.sent(), arrival.at())));
			}
		}
		return new HopProfile(List.copyOf(writes));
	}

	/** The slowest 1 % of the writes by the whole way, at least one. */
	List<Hops> slowest() {
		int count = Math.max(1, (int) Math.ceil(this.writes.size() / 100.0));
		return this.writes.stream().sorted(Comparator.comparingDouble(Hops::whole).reversed()).limit(count).toList();
	}

	/** The table {@code keel bench events} prints. */
	List<String> lines() {
		if (this.writes.isEmpty()) {
			return List.of("Per hop: no write has every timestamp.");
		}
		List<Hops> slowest = slowest();
		List<String> lines = new ArrayList<>();
		lines.add(String.format("Per hop over %d writes (wall clock, ms, each good to ~1 ms; the slowest %d by the "
				+ "whole way in the last column):", this.writes.size(), slowest.size()));
		lines.add(String.format("  %-46s %8s %8s %8s %10s", "hop", "p50", "p99", "max", "slowest"));
		row(lines, "POST sent -> document written (event time)", Hops::toWritten, slowest);
		row(lines, "written -> sent to Kafka (outbox relay)", Hops::toPublished, slowest);
		row(lines, "sent to Kafka -> inbox item (listener)", Hops::toInbox, slowest);
		row(lines, "inbox item -> SSE frame at the client", Hops::toClient, slowest);
		row(lines, "whole way", Hops::whole, slowest);
		row(lines, "(sent to Kafka -> read by a plain consumer)", Hops::toTap, slowest);
		return lines;
	}

	private void row(List<String> lines, String hop, ToDoubleFunction<Hops> value, List<Hops> slowest) {
		double[] sorted = this.writes.stream().mapToDouble(value).sorted().toArray();
		lines.add(String.format("  %-46s %8.1f %8.1f %8.1f %10.1f", hop, percentile(sorted, 50), percentile(sorted, 99),
				sorted[sorted.length - 1], slowest.stream().mapToDouble(value).average().orElse(Double.NaN)));
	}

	/** The nearest-rank percentile, as everywhere in the benchmarks. */
	static double percentile(double[] sorted, double percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
	}

	private static double millis(Instant from, Instant to) {
		return Duration.between(from, to).toNanos() / 1e6;
	}

	/**
	 * When the client sent a write's {@code POST} and had its answer.
	 *
	 * @param sent just before the request
	 * @param answered just after the response
	 */
	record Posted(Instant sent, Instant answered) {

	}

	/**
	 * One write's hops, in milliseconds.
	 *
	 * @param documentId the document written
	 * @param toWritten from the {@code POST} to data-service's write
	 * @param toPublished from the write to the relay's send to Kafka
	 * @param toTap from that send to a plain consumer's read
	 * @param toInbox from that send to the inbox item
	 * @param toClient from the inbox item to the frame's arrival
	 * @param whole from the {@code POST} to the frame's arrival
	 */
	record Hops(String documentId, double toWritten, double toPublished, double toTap, double toInbox, double toClient,
			double whole) {

	}

}
