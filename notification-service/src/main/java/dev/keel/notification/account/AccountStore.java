package dev.keel.notification.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Accounts in {@value #COLLECTION}, one document per user id. Every change sets a value,
 * so an event handled twice changes nothing the second time, and the last event handled
 * for a user wins: auth-service's events about one user arrive in the order they happened
 * (keyed by user id, so on one partition), which their times, from the clocks of several
 * instances, might not show.
 */
@Repository
class AccountStore {

	static final String COLLECTION = "accounts";

	private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

	private final MongoTemplate mongo;

	AccountStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** A user signed up with an address, not verified yet. */
	void registered(String userId, String email, Instant at) {
		change(userId, at, Updates.set("email", email));
	}

	void verified(String userId, String email, Instant at) {
		change(userId, at, Updates.set("email", email), Updates.set("verifiedEmail", email));
	}

	void rolesChanged(String userId, List<String> roles, Instant at) {
		change(userId, at, Updates.set("roles", roles), Updates.set("rolesChangedAt", Date.from(at)));
	}

	void disabled(String userId, Instant at) {
		change(userId, at, Updates.set("disabled", true), Updates.set("disabledAt", Date.from(at)));
	}

	void enabled(String userId, Instant at) {
		change(userId, at, Updates.set("disabled", false), Updates.unset("disabledAt"));
	}

	Map<String, Account> find(Collection<String> userIds) {
		Map<String, Account> found = new HashMap<>();
		accounts().find(Filters.in("_id", userIds)).forEach((stored) -> {
			Account account = account(stored);
			found.put(account.userId(), account);
		});
		return found;
	}

	private void change(String userId, Instant at, Bson... changes) {
		List<Bson> all = new ArrayList<>(List.of(changes));
		all.add(Updates.set("updatedAt", Date.from(at)));
		accounts().updateOne(Filters.eq("_id", userId), Updates.combine(all), UPSERT);
	}

	private MongoCollection<Document> accounts() {
		return this.mongo.getCollection(COLLECTION);
	}

	private static Account account(Document stored) {
		List<String> roles = stored.getList("roles", String.class);
		Set<String> announced = (roles != null) ? Set.copyOf(new LinkedHashSet<>(roles)) : null;
		return new Account(stored.getString("_id"), stored.getString("verifiedEmail"), announced,
				stored.getBoolean("disabled", false));
	}

}
