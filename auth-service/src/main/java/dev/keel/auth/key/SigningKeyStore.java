package dev.keel.auth.key;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The {@code signing_keys} collection. Indexes: {@code generation} unique (one key per
 * generation, so concurrent first starts or rotations create one key between them) and a
 * TTL index on {@code expiresAt}. The embedded store (mongo-java-server) may not enforce
 * TTL indexes; real MongoDB does, and the JWKS filters retired keys itself either way.
 */
@Repository
class SigningKeyStore implements InitializingBean {

	private final MongoTemplate mongo;

	SigningKeyStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		IndexOperations indexes = this.mongo.indexOps(StoredSigningKey.COLLECTION);
		indexes.createIndex(new Index("generation", Direction.DESC).unique().named("generation_unique"));
		indexes.createIndex(new Index("expiresAt", Direction.ASC).expire(Duration.ZERO).named("expiresAt_ttl"));
	}

	Optional<StoredSigningKey> latest() {
		Query query = new Query().with(Sort.by(Direction.DESC, "generation")).limit(1);
		return Optional.ofNullable(this.mongo.findOne(query, StoredSigningKey.class, StoredSigningKey.COLLECTION));
	}

	List<StoredSigningKey> all() {
		return this.mongo.find(new Query().with(Sort.by(Direction.DESC, "generation")), StoredSigningKey.class,
				StoredSigningKey.COLLECTION);
	}

	/**
	 * @return {@code false} when a key of the same generation exists already
	 */
	boolean insert(StoredSigningKey key) {
		try {
			this.mongo.insert(key, StoredSigningKey.COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Marks every key older than {@code generation} that is not retired yet as retired.
	 */
	void retireBefore(long generation, Instant retiredAt, Instant expiresAt) {
		Query older = new Query(where("generation").lt(generation).and("retiredAt").is(null));
		this.mongo.updateMulti(older, new Update().set("retiredAt", retiredAt).set("expiresAt", expiresAt),
				StoredSigningKey.COLLECTION);
	}

}
