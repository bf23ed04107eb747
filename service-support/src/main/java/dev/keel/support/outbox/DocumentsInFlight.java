package dev.keel.support.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents this relay instance is working on, across its two loops: a document is
 * claimed by at most one of them at a time, so that the scan and the documents handed
 * over by writes never publish one document's entries concurrently. The lease in the
 * document does the same between instances; this guard comes first, so that the loop that
 * finds a document busy knows it is busy here rather than elsewhere, and a write's
 * wake-up for a document the scan holds is not lost: it is handed back once the scan
 * releases the document, for the entries written after the scan's claim.
 */
final class DocumentsInFlight {

	private final Map<Key, Hold> held = new ConcurrentHashMap<>();

	/**
	 * Holds those of the documents nobody here holds yet.
	 * @param collection the collection of the documents
	 * @param ids the documents
	 * @param handBack whether a document held by the other loop is to be handed back to
	 * the writes' queue when that loop releases it
	 * @return the documents now held by the caller, in the given order
	 */
	List<Object> hold(String collection, List<Object> ids, boolean handBack) {
		List<Object> mine = new ArrayList<>();
		for (Object id : ids) {
			Hold hold = new Hold();
			// Atomic with release's removal, so a hand-back is never marked on a hold
			// already gone.
			Hold current = this.held.compute(new Key(collection, id),
					(key, existing) -> (existing != null) ? existing.wokenAgain(handBack) : hold);
			if (current == hold) {
				mine.add(id);
			}
		}
		return mine;
	}

	/**
	 * Releases documents held by {@link #hold}.
	 * @return those that were woken again while held, to hand back
	 */
	List<Object> release(String collection, List<Object> ids) {
		List<Object> wokenAgain = new ArrayList<>();
		for (Object id : ids) {
			Hold hold = this.held.remove(new Key(collection, id));
			if (hold != null && hold.wokenAgain) {
				wokenAgain.add(id);
			}
		}
		return wokenAgain;
	}

	private record Key(String collection, Object id) {
	}

	private static final class Hold {

		private volatile boolean wokenAgain;

		Hold wokenAgain(boolean wokenAgain) {
			this.wokenAgain |= wokenAgain;
			return this;
		}

	}

}
