package dev.keel.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxCountTests {

	@Test
	void addsUpEveryCollectionAndTopicOfThePublishedCounter() {
		String metrics = """
				# HELP keel_outbox_published_total Events the outbox relay published
				# TYPE keel_outbox_published_total counter
				keel_outbox_published_total{collection="collections",topic="keel.data.events"} 3.0
				keel_outbox_published_total{collection="c_bench_events_1",topic="keel.data.events"} 6950.0
				keel_outbox_failures_total{collection="c_bench_events_1"} 12.0
				keel_outbox_lag_seconds_count{collection="c_bench_events_1"} 6950
				""";
		assertThat(OutboxCount.sum(metrics)).isEqualTo(6953);
	}

	@Test
	void anInstanceThatPublishedNothingYetCountsZero() {
		assertThat(OutboxCount.sum("# nothing here\njvm_threads_live_threads 42.0\n")).isZero();
	}

}
