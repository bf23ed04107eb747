package dev.keel.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;

/**
 * The messages the sink holds, in memory, in the order they arrived, with the set of ids
 * a client has already opened (Mailpit's read flag). Everything is lost when the sink
 * stops: it is a development tool, not a mail store.
 */
final class ReceivedMessages {

	private final SequencedMap<String, ReceivedMessage> messages = new LinkedHashMap<>();

	private final Set<String> read = new HashSet<>();

	synchronized void add(ReceivedMessage message) {
		this.messages.put(message.id(), message);
	}

	/**
	 * A page of messages, newest first.
	 * @param start how many of the newest messages to skip
	 * @param limit the most messages to return
	 * @return the page
	 */
	synchronized List<ReceivedMessage> newestFirst(int start, int limit) {
		return this.messages.reversed().values().stream().skip(start).limit(limit).toList();
	}

	synchronized Optional<ReceivedMessage> find(String id) {
		return Optional.ofNullable(this.messages.get(id));
	}

	synchronized void markRead(String id) {
		if (this.messages.containsKey(id)) {
			this.read.add(id);
		}
	}

	synchronized boolean isRead(String id) {
		return this.read.contains(id);
	}

	synchronized int total() {
		return this.messages.size();
	}

	synchronized int unread() {
		return this.messages.size() - this.read.size();
	}

	synchronized void delete(Collection<String> ids) {
		for (String id : new ArrayList<>(ids)) {
			this.messages.remove(id);
			this.read.remove(id);
		}
	}

	synchronized void deleteAll() {
		this.messages.clear();
		this.read.clear();
	}

}
