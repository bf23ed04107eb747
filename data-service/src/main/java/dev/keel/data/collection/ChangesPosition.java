package dev.keel.data.collection;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Switches this instance's copy of definitions on once the position of
 * {@link CollectionChanges}' consumer at the end of the topic is known (from then on no
 * change can be missed), and off, forgetting everything, when it loses its partitions.
 */
class ChangesPosition implements ConsumerAwareRebalanceListener {

	private final Definitions definitions;

	private final Set<TopicPartition> positioned = ConcurrentHashMap.newKeySet();

	ChangesPosition(Definitions definitions) {
		this.definitions = definitions;
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
		if (listening != this.definitions.isListening()) {
			this.definitions.listening(listening);
		}
	}

}
