package dev.keel.auth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Refresh-token families in {@code refresh_token_families} and the token-to-family index
 * in {@code refresh_tokens}. Both carry a TTL index on {@code expiresAt}
 * ({@code expireAfterSeconds: 0}), so real MongoDB deletes them once the session's
 * absolute lifetime is over; the embedded store (mongo-java-server) may not enforce TTL
 * indexes, which costs only space because expired families refuse every token anyway.
 */
@Repository
class RefreshTokenStore implements InitializingBean {

	static final String FAMILIES = "refresh_token_families";

	private final MongoTemplate mongo;

	RefreshTokenStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		Index ttl = new Index("expiresAt", Direction.ASC).expire(Duration.ZERO).named("expiresAt_ttl");
		this.mongo.indexOps(FAMILIES).createIndex(ttl);
		this.mongo.indexOps(FAMILIES).createIndex(new Index("subject", Direction.ASC).named("subject"));
		this.mongo.indexOps(IssuedRefreshToken.COLLECTION).createIndex(ttl);
	}

	void insert(RefreshTokenFamily family) {
		this.mongo.insert(family, FAMILIES);
	}

	void insert(IssuedRefreshToken token) {
		this.mongo.insert(token, IssuedRefreshToken.COLLECTION);
	}

	Optional<RefreshTokenFamily> familyOfToken(String tokenHash) {
		return Optional
			.ofNullable(this.mongo.findById(tokenHash, IssuedRefreshToken.class, IssuedRefreshToken.COLLECTION))
			.map((token) -> this.mongo.findById(token.familyId(), RefreshTokenFamily.class, FAMILIES));
	}

	/** The user's sessions that are neither revoked nor past their absolute end. */
	List<RefreshTokenFamily> unrevokedSessionsOf(String subject, Instant now) {
		Query query = new Query(where("subject").is(subject).and("revokedAt").is(null).and("expiresAt").gt(now))
			.with(Sort.by(Direction.DESC, "createdAt"));
		return this.mongo.find(query, RefreshTokenFamily.class, FAMILIES);
	}

	/**
	 * Stores {@code next} if the family is still at the version it was read at, in one
	 * atomic findAndModify, so two concurrent refreshes cannot both act on the same
	 * state.
	 * @return whether it was stored; {@code false} when another change came first
	 */
	boolean update(RefreshTokenFamily next) {
		Query unchanged = new Query(
				where("_id").is(next.id()).and("version").is(next.version()).and("revokedAt").is(null));
		Update update = new Update().set("live", next.live())
			.set("rotatedOut", next.rotatedOut())
			.set("rotatedAt", next.rotatedAt())
			.set("lastUsedAt", next.lastUsedAt())
			.inc("version", 1);
		return this.mongo.findAndModify(unchanged, update, FindAndModifyOptions.none(), RefreshTokenFamily.class,
				FAMILIES) != null;
	}

	boolean revoke(String familyId, Instant now) {
		return revokeWhere(where("_id").is(familyId), now) > 0;
	}

	boolean revoke(String familyId, String subject, Instant now) {
		return revokeWhere(where("_id").is(familyId).and("subject").is(subject), now) > 0;
	}

	long revokeAll(String subject, Instant now) {
		return revokeWhere(where("subject").is(subject), now);
	}

	long revokeAllExcept(String subject, String keepFamilyId, Instant now) {
		return revokeWhere(where("subject").is(subject).and("_id").ne(keepFamilyId), now);
	}

	private long revokeWhere(Criteria criteria, Instant now) {
		Query query = new Query(criteria.and("revokedAt").is(null));
		return this.mongo.updateMulti(query, new Update().set("revokedAt", now).inc("version", 1), FAMILIES)
			.getModifiedCount();
	}

}
