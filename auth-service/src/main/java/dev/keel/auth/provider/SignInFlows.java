package dev.keel.auth.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The {@code sign_in_flows} collection. A flow is found by the hash of its state and
 * completed with one atomic find-and-delete, so it completes at most once, from any
 * instance. Expired flows are refused in code (the TTL index only tidies up on real
 * MongoDB).
 */
@Repository
class SignInFlows implements InitializingBean {

	static final String COLLECTION = "sign_in_flows";

	private final MongoTemplate mongo;

	SignInFlows(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(COLLECTION).createIndex(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
	}

	void insert(SignInFlow flow) {
		this.mongo.insert(flow);
	}

	/**
	 * Ties a link flow to the first browser that opens it.
	 * @return the flow, or empty when it is unknown, expired or already opened
	 */
	Optional<SignInFlow> bind(String state, String browser) {
		Query query = Query.query(current(state).and("browser").is(null));
		return Optional.ofNullable(this.mongo.findAndModify(query, new Update().set("browser", browser),
				FindAndModifyOptions.options().returnNew(true), SignInFlow.class));
	}

	/**
	 * Removes and returns the flow of this state, when it is current and this browser
	 * started it; a wrong browser leaves it for the right one.
	 */
	Optional<SignInFlow> take(String state, String browser) {
		Query query = Query.query(current(state).and("browser").is(browser));
		return Optional.ofNullable(this.mongo.findAndRemove(query, SignInFlow.class));
	}

	long count() {
		return this.mongo.count(new Query(), COLLECTION);
	}

	private static Criteria current(String state) {
		return Criteria.where("_id").is(Secrets.hash(state)).and("expiresAt").gt(Instant.now());
	}

}
