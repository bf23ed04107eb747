package dev.keel.notification.stream;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Whether this instance listens to the stream topic yet. Its consumer group is new on
 * every start and begins at the end of the topic; the end is looked up as soon as the
 * partitions are assigned, so from {@link #listening()} on every record published reaches
 * this instance. (Not a rebalance-listener bean itself, which Boot would give to every
 * listener container.)
 */
@Component
class FanOutAssignment {

	private final Set<TopicPartition> positioned = ConcurrentHashMap.newKeySet();

	boolean listening() {
		return !this.positioned.isEmpty();
	}

	ConsumerAwareRebalanceListener rebalanceListener() {
		return new ConsumerAwareRebalanceListener() {

			@Override
			public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				partitions.forEach(consumer::position);
				FanOutAssignment.this.positioned.addAll(partitions);
			}

			@Override
			public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				FanOutAssignment.this.positioned.removeAll(partitions);
			}

			@Override
			public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				FanOutAssignment.this.positioned.removeAll(partitions);
			}

		};
	}

}
