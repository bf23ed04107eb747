package dev.keel.auth.user;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The {@code identities} collection: which provider accounts sign in as which user. An
 * insert of a provider account that is already linked fails with a duplicate key (its
 * {@code _id}).
 */
@Repository
class Identities implements InitializingBean {

	static final String COLLECTION = "identities";

	private final MongoTemplate mongo;

	Identities(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(COLLECTION).createIndex(new Index("userId", Sort.Direction.ASC).named("user"));
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException when it is linked already
	 */
	void insert(Identity identity) {
		this.mongo.insert(identity);
	}

	Optional<Identity> find(String provider, String subject) {
		return Optional.ofNullable(this.mongo.findById(Identity.id(provider, subject), Identity.class));
	}

	List<Identity> of(String userId) {
		return this.mongo.find(Query.query(Criteria.where("userId").is(userId)).with(Sort.by("linkedAt")),
				Identity.class);
	}

	/** Removes the user's identity of this provider; whether there was one. */
	boolean remove(String userId, String provider) {
		return this.mongo
			.remove(Query.query(Criteria.where("userId").is(userId).and("provider").is(provider)), Identity.class)
			.getDeletedCount() > 0;
	}

	void remove(Identity identity) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(identity.id())), Identity.class);
	}

}
