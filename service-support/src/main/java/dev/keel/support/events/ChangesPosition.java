package dev.keel.support.events;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Switches an instance's {@link Copy} of shared data on once the position of the consumer
 * that reads its changes is known (from then on no change can be missed), and off, so
 * that the copy forgets everything, when that consumer loses its partitions. The
 * rebalance listener of a consumer group of its own per instance that reads a changes
 * topic from its end (data-service's collection definitions, notification-service's
 * subscriptions).
 */
public final class ChangesPosition implements ConsumerAwareRebalanceListener {

	private final Copy copy;

	private final Set<TopicPartition> positioned = ConcurrentHashMap.newKeySet();

	public ChangesPosition(Copy copy) {
		this.copy = copy;
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		partitions.forEach(consumer::position);
		this.positioned.addAll(partitions);
		update();
	}

	@Override
	public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		this.positioned.removeAll(partitions);
		update();
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		this.positioned.removeAll(partitions);
		update();
	}

	private void update() {
		boolean listening = !this.positioned.isEmpty();
		if (listening != this.copy.isListening()) {
			this.copy.listening(listening);
		}
	}

	/**
	 * A per-instance copy that may be used only while every change reaches it.
	 */
	public interface Copy {

		boolean isListening();

		/**
		 * Whether every change from now on reaches the copy; when it stops being so, the
		 * copy forgets everything.
		 */
		void listening(boolean listening);

	}

}
