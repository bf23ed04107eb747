package dev.keel.notification.preference;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Users' preferences in {@value #COLLECTION}, one document per user id. */
@Service
public class Preferences {

	static final String COLLECTION = "preferences";

	private final MongoTemplate mongo;

	Preferences(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * A user's preferences, or the defaults when they never set any.
	 * @param userId the user
	 * @return the preferences
	 */
	public UserPreferences of(String userId) {
		Document stored = preferences().find(Filters.eq("_id", userId)).first();
		return (stored != null) ? preferences(stored) : UserPreferences.DEFAULT;
	}

	/**
	 * The preferences of some users, in one look-up by id.
	 * @param userIds the users
	 * @return the preferences of each of them, the defaults for those who never set any
	 */
	public Map<String, UserPreferences> of(Collection<String> userIds) {
		Map<String, UserPreferences> found = new HashMap<>();
		userIds.forEach((userId) -> found.put(userId, UserPreferences.DEFAULT));
		preferences().find(Filters.in("_id", userIds))
			.forEach((stored) -> found.put(stored.getString("_id"), preferences(stored)));
		return found;
	}

	private static UserPreferences preferences(Document stored) {
		return new UserPreferences(stored.getBoolean("email", false), stored.getBoolean("inApp", true),
				stored.getList("mutedCollections", String.class, List.of()));
	}

	void save(String userId, UserPreferences preferences) {
		Document document = new Document("_id", userId).append("email", preferences.email())
			.append("inApp", preferences.inApp())
			.append("mutedCollections", preferences.mutedCollections())
			.append("updatedAt", Date.from(Instant.now()));
		preferences().replaceOne(Filters.eq("_id", userId), document, new ReplaceOptions().upsert(true));
	}

	private MongoCollection<Document> preferences() {
		return this.mongo.getCollection(COLLECTION);
	}

}
