package dev.keel.auth.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.keel.support.outbox.Outbox;
import dev.keel.events.auth.UserEvent;

/**
 * The {@code users} collection. Writes go through explicit inserts and updates, never a
 * whole-document save, so that the pending events in a user's {@code _outbox} are never
 * overwritten by a later change.
 */
@Repository
class Users implements InitializingBean {

	static final String COLLECTION = "users";

	private static final String EMAIL_INDEX = "email_unique";

	private final MongoTemplate mongo;

	private final Outbox outbox;

	private final UserEvents events;

	Users(MongoTemplate mongo, Outbox outbox, UserEvents events) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.events = events;
	}

	/**
	 * Indexes exist before the first request: the embedded store does not guard index
	 * creation against writes.
	 */
	@Override
	public void afterPropertiesSet() {
		IndexOperations indexes = this.mongo.indexOps(COLLECTION);
		// Sparse, so that any number of anonymous users (no email) fit; an older
		// non-sparse index of that name is replaced.
		if (indexes.getIndexInfo()
			.stream()
			.anyMatch((index) -> EMAIL_INDEX.equals(index.getName()) && !index.isSparse())) {
			try {
				indexes.dropIndex(EMAIL_INDEX);
			}
			catch (DataAccessException ex) {
				// another instance starting at the same time replaced it first
			}
		}
		indexes.createIndex(new Index("email", Sort.Direction.ASC).unique().sparse().named(EMAIL_INDEX));
	}

	/**
	 * Inserts a new user with its events; a taken email fails with a duplicate-key error.
	 */
	void insert(User user, UserEvent... events) {
		Document document = new Document();
		this.mongo.getConverter().write(user, document);
		this.mongo.insert(this.events.attachTo(document, events), COLLECTION);
		this.outbox.wakeUp();
	}

	Optional<User> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, User.class));
	}

	Optional<User> findByEmail(String email) {
		return Optional
			.ofNullable(this.mongo.findOne(Query.query(Criteria.where("email").is(User.normalize(email))), User.class));
	}

	/**
	 * Applies an update (with any events it pushes) and returns the user as it is
	 * afterwards.
	 */
	Optional<User> update(String id, Update update) {
		return updateWhere(Criteria.where("_id").is(id), update);
	}

	/**
	 * Applies an update (with any events it pushes) to the user the criteria match, and
	 * returns the user as it is afterwards, or empty when they match no user.
	 */
	Optional<User> updateWhere(Criteria criteria, Update update) {
		update.set("updatedAt", java.time.Instant.now());
		Optional<User> updated = Optional.ofNullable(this.mongo.findAndModify(Query.query(criteria), update,
				FindAndModifyOptions.options().returnNew(true), User.class));
		this.outbox.wakeUp();
		return updated;
	}

	/**
	 * A page of users ordered by id, optionally only those whose email starts with a
	 * prefix.
	 */
	List<User> page(String emailPrefix, String afterId, int limit) {
		Criteria criteria = new Criteria();
		List<Criteria> conditions = new ArrayList<>();
		if (emailPrefix != null && !emailPrefix.isBlank()) {
			conditions
				.add(Criteria.where("email").regex("^" + java.util.regex.Pattern.quote(User.normalize(emailPrefix))));
		}
		if (afterId != null) {
			conditions.add(Criteria.where("_id").gt(afterId));
		}
		if (!conditions.isEmpty()) {
			criteria = new Criteria().andOperator(conditions);
		}
		Query query = Query.query(criteria).with(Sort.by("_id")).limit(limit);
		return this.mongo.find(query, User.class);
	}

	/** Removes the users the criteria match; returns how many. */
	long deleteWhere(Criteria criteria) {
		return this.mongo.remove(Query.query(criteria), COLLECTION).getDeletedCount();
	}

	boolean exists(String email) {
		return this.mongo.exists(Query.query(Criteria.where("email").is(User.normalize(email))), User.class);
	}

}
