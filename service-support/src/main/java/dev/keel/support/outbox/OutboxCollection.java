package dev.keel.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The relay's view of one collection: claiming documents with pending entries, removing
 * published entries, deleting drained tombstones.
 * <p>
 * It goes through the driver's API rather than Spring Data's query mapping, which turns a
 * {@code String} {@code _id} that looks like an ObjectId into an ObjectId and would then
 * miss the document. Emptiness is tested with {@code "_outbox.0": {$exists: false}}
 * because mongo-java-server does not match {@code "_outbox.createdAt": {$exists: false}}
 * against an empty array, as MongoDB does.
 */
final class OutboxCollection {

	private static final Logger log = LoggerFactory.getLogger(OutboxCollection.class);

	static final String INDEX = "keel_outbox_pending";

	private static final String CREATED_AT = Outbox.ENTRIES + ".createdAt";

	/** The lease's token of the claim that took it. */
	private static final String CLAIM = "claim";

	private final MongoOperations mongo;

	private final String name;

	private volatile boolean indexed;

	private volatile Instant touchedAt = Instant.now();

	OutboxCollection(MongoOperations mongo, String name) {
		this.mongo = mongo;
		this.name = name;
	}

	String name() {
		return this.name;
	}

	/** Notes a write with entries, so a scan does not forget the collection meanwhile. */
	void touch(Instant now) {
		this.touchedAt = now;
	}

	boolean untouchedSince(Instant instant) {
		return this.touchedAt.isBefore(instant);
	}

	/**
	 * Whether the collection has the relay's index or a pending entry: what a scan looks
	 * for in collections nobody named. With the index found, the relay never creates it
	 * again, which would bring back a collection dropped meanwhile.
	 */
	boolean holdsOutboxes() {
		return this.mongo.execute(this.name, (collection) -> {
			for (Document index : collection.listIndexes()) {
				if (INDEX.equals(index.getString("name"))) {
					this.indexed = true;
					return true;
				}
			}
			return collection.find(Filters.exists(Outbox.ENTRIES + ".0"))
				.projection(Projections.include("_id"))
				.limit(1)
				.first() != null;
		});
	}

	/**
	 * A sparse index holds only documents with pending entries, so finding the oldest
	 * stays cheap however large the collection is. The relay works without it, so an
	 * unreachable store only means another try next round, and a conflicting index only a
	 * warning.
	 */
	void createIndexOnce() {
		if (this.indexed) {
			return;
		}
		try {
			this.mongo.execute(this.name, (collection) -> collection.createIndex(Indexes.ascending(CREATED_AT),
					new IndexOptions().sparse(true).name(INDEX)));
			this.indexed = true;
		}
		catch (DataAccessResourceFailureException ex) {
			log.debug("Could not create the outbox index of {} yet: {}", this.name, ex.getMessage());
		}
		catch (DataAccessException ex) {
			log.warn("Could not create the outbox index of {}: {}", this.name, ex.getMessage());
			this.indexed = true;
		}
	}

	/**
	 * The ids of up to {@code limit} documents with pending entries that no relay holds,
	 * oldest entry first. One query per round rather than one per document: the embedded
	 * store ignores the sparse index and scans the collection for each.
	 */
	List<Object> claimable(Instant now, int limit) {
		List<Object> ids = new ArrayList<>();
		this.mongo
			.execute(this.name,
					(collection) -> collection.find(claimableFilter(now))
						.sort(Sorts.ascending(CREATED_AT))
						.projection(Projections.include("_id"))
						.limit(limit)
						.into(new ArrayList<>()))
			.forEach((document) -> ids.add(document.get("_id")));
		return ids;
	}

	/**
	 * Claims those of the documents that hold entries no relay holds, with one update for
	 * them all, then reads them back by id. On the embedded store, which finds documents
	 * by anything but their id alone with a scan of the collection, that is one scan per
	 * batch instead of one per document. Each claim carries a token of its own, so the
	 * documents read back are exactly those this update claimed.
	 * @return the claimed documents; those another relay took or whose entries were
	 * published meanwhile are left out
	 */
	List<PendingDocument> claim(List<Object> ids, String owner, Instant now, Duration lease) {
		Instant until = now.plus(lease);
		String token = UUID.randomUUID().toString();
		Bson claim = Updates.set(Outbox.LEASE,
				new Document("owner", owner).append("until", Date.from(until)).append(CLAIM, token));
		if (ids.size() == 1) {
			return claimOne(ids.getFirst(), claim, now, until);
		}
		long claimed = this.mongo.execute(this.name,
				(collection) -> collection.updateMany(Filters.and(Filters.in("_id", ids), claimableFilter(now)), claim)
					.getModifiedCount());
		if (claimed == 0) {
			return List.of();
		}
		List<Document> found = this.mongo.execute(this.name,
				(collection) -> collection.find(Filters.in("_id", ids))
					.projection(Projections.include(Outbox.ENTRIES, Outbox.DELETE_WHEN_DRAINED, Outbox.LEASE))
					.into(new ArrayList<>()));
		return found.stream()
			.filter((document) -> token.equals(document.getEmbedded(List.of(Outbox.LEASE, CLAIM), String.class)))
			.map((document) -> PendingDocument.of(document, until))
			.toList();
	}

	/**
	 * Claims a single document and reads it back in one request: a write's own document,
	 * the usual batch while writes come one at a time, so its events wait for one round
	 * trip to the store fewer.
	 */
	private List<PendingDocument> claimOne(Object id, Bson claim, Instant now, Instant until) {
		FindOneAndUpdateOptions options = new FindOneAndUpdateOptions()
			.projection(Projections.include(Outbox.ENTRIES, Outbox.DELETE_WHEN_DRAINED))
			.returnDocument(ReturnDocument.AFTER);
		Document claimed = this.mongo.execute(this.name, (collection) -> collection
			.findOneAndUpdate(Filters.and(Filters.eq("_id", id), claimableFilter(now)), claim, options));
		return (claimed != null) ? List.of(PendingDocument.of(claimed, until)) : List.of();
	}

	private static Bson claimableFilter(Instant now) {
		return Filters.and(Filters.exists(CREATED_AT),
				Filters.or(Filters.exists(Outbox.LEASE, false), Filters.lt(Outbox.LEASE + ".until", Date.from(now))));
	}

	/**
	 * Removes the published entries and gives up the claim, at once or, to retry the rest
	 * later, at {@code retryAt}. The removal happens even if another relay took the
	 * document over meanwhile: those entries are out either way.
	 */
	void release(PendingDocument document, List<String> published, String owner, Instant retryAt) {
		Bson mine = Filters.and(Filters.eq("_id", document.id()), Filters.eq(Outbox.LEASE + ".owner", owner));
		Bson unclaim = (retryAt != null) ? Updates.set(Outbox.LEASE + ".until", Date.from(retryAt))
				: Updates.unset(Outbox.LEASE);
		if (published.isEmpty()) {
			update(mine, unclaim);
			return;
		}
		Bson pull = Updates.pull(Outbox.ENTRIES, new Document("id", new Document("$in", published)));
		if (update(mine, Updates.combine(pull, unclaim)) == 0) {
			update(Filters.eq("_id", document.id()), pull);
		}
	}

	/**
	 * Removes the published entries of documents whose every claimed entry went out, and
	 * gives up their claims, with one update for them all (one scan on the embedded
	 * store, as for the claim). The entries are removed even from documents another relay
	 * took over meanwhile: they are out either way.
	 * @param ids the documents
	 * @param published the ids of the entries published from them
	 */
	void releaseDrained(List<Object> ids, List<String> published, String owner) {
		Bson pull = Updates.pull(Outbox.ENTRIES, new Document("id", new Document("$in", published)));
		Bson mine = Filters.and(Filters.in("_id", ids), Filters.eq(Outbox.LEASE + ".owner", owner));
		long matched = this.mongo.execute(this.name,
				(collection) -> collection.updateMany(mine, Updates.combine(pull, Updates.unset(Outbox.LEASE)))
					.getMatchedCount());
		if (matched < ids.size()) {
			this.mongo.execute(this.name, (collection) -> collection.updateMany(Filters.in("_id", ids), pull));
		}
	}

	/**
	 * Deletes a document marked for deletion if its outbox is empty; entries added since
	 * the claim keep it until a later round.
	 */
	void deleteIfDrained(Object id) {
		Bson drainedTombstone = Filters.and(Filters.eq("_id", id), Filters.eq(Outbox.DELETE_WHEN_DRAINED, true),
				Filters.exists(Outbox.ENTRIES + ".0", false));
		this.mongo.execute(this.name, (collection) -> collection.deleteOne(drainedTombstone));
	}

	private long update(Bson filter, Bson update) {
		return this.mongo.execute(this.name, (collection) -> collection.updateOne(filter, update).getMatchedCount());
	}

}
