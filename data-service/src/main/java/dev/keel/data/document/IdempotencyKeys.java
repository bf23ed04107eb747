package dev.keel.data.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import dev.keel.support.security.CurrentCaller;

/**
 * Idempotency keys of document creations, in {@value #COLLECTION}. A key is claimed
 * before the document is written, with the id the document will get, so a retry — even
 * one racing the first request, or following a crash between the two writes — inserts
 * under the same id and can never create a second document. The first response is kept
 * for {@link #TTL} to be replayed.
 */
@Repository
class IdempotencyKeys implements InitializingBean {

	static final String COLLECTION = "idempotency_keys";

	static final Duration TTL = Duration.ofHours(24);

	private final MongoTemplate mongo;

	IdempotencyKeys(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		// Real MongoDB expires keys by itself; the embedded store ignores TTL indexes, so
		// claim() also treats expired keys as absent and sweeps them now and then.
		keys().createIndex(Indexes.ascending("expiresAt"),
				new IndexOptions().name("keel_expiry").expireAfter(0L, java.util.concurrent.TimeUnit.SECONDS));
	}

	/**
	 * Claims a key for a creation, or finds who claimed it before.
	 * @param scope whose key it is, from {@link #scope}
	 * @param key the client's key
	 * @param bodyHash a hash of the request body
	 * @param documentId the id the new document would get
	 * @return the claim: ours, or an earlier one
	 */
	Claim claim(String scope, String key, String bodyHash, String documentId) {
		String id = hash(scope + "\n" + key);
		Instant now = Instant.now();
		if (ThreadLocalRandom.current().nextInt(100) == 0) {
			keys().deleteMany(Filters.lt("expiresAt", Date.from(now)));
		}
		keys().deleteOne(Filters.and(Filters.eq("_id", id), Filters.lt("expiresAt", Date.from(now))));
		Document claim = new Document("_id", id).append("bodyHash", bodyHash)
			.append("documentId", documentId)
			.append("expiresAt", Date.from(now.plus(TTL)));
		try {
			keys().insertOne(claim);
			return new Claim(id, bodyHash, documentId, null, true);
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
		Document earlier = keys().find(Filters.eq("_id", id)).first();
		if (earlier == null) {
			return claim(scope, key, bodyHash, documentId);
		}
		return new Claim(id, earlier.getString("bodyHash"), earlier.getString("documentId"),
				earlier.getString("response"), false);
	}

	/**
	 * Whose a key is. A caller with a token has keys of their own per collection. Callers
	 * without one cannot be told apart, so their key only counts together with the body:
	 * an anonymous repeat replays only an identical request, and one anonymous client can
	 * neither replay another's different request nor block it with the same key.
	 * @param collection the collection
	 * @param caller the caller, empty without a token
	 * @param bodyHash the hash of the request body
	 * @return the scope to claim the key in
	 */
	static String scope(String collection, Optional<CurrentCaller> caller, String bodyHash) {
		// An empty subject for anonymous callers; keys never contain a line break.
		return caller.map((known) -> known.subject() + "\n" + collection)
			.orElseGet(() -> "\n" + collection + "\n" + bodyHash);
	}

	/** Keeps the response to replay. */
	void complete(Claim claim, String response) {
		keys().updateOne(Filters.eq("_id", claim.id()), Updates.set("response", response));
	}

	static String hash(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private MongoCollection<Document> keys() {
		return this.mongo.getCollection(COLLECTION);
	}

	/**
	 * A claimed key.
	 *
	 * @param id the stored key
	 * @param bodyHash the hash of the body it was first used with
	 * @param documentId the id of the document it creates
	 * @param response the first response's body, once there is one
	 * @param fresh whether this request claimed it
	 */
	record Claim(String id, String bodyHash, String documentId, String response, boolean fresh) {
	}

}
