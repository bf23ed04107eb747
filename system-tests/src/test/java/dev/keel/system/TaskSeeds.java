package dev.keel.system;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;
import dev.keel.system.DataFixtures.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Six tasks to query, in a collection with {@link DataFixtures#TASK_SCHEMA} that every
 * signed-in user reads: five created by a user, the last ({@code omega}) by the admin.
 *
 * @param collection the collection's name
 * @param owner the user who created all but {@code omega}
 * @param byTitle the documents as created, by title, in creation order
 */
record TaskSeeds(String collection, User owner, Map<String, JsonNode> byTitle) {

	private static final List<String> TASKS = List.of(
			"{'title': 'alpha', 'priority': 1, 'done': false, 'address': {'city': 'Oslo'}, 'tags': ['a', 'b']}",
			"{'title': 'alphabet', 'priority': 2, 'done': true, 'address': {'city': 'Bergen'}, 'tags': ['b']}",
			"{'title': 'beta', 'priority': 3, 'done': false, 'address': {'city': 'Oslo'}}",
			"{'title': 'gamma', 'priority': 3, 'done': true, 'note': 'x'}",
			"{'title': 'delta', 'priority': 5, 'done': false, 'address': {'city': 'Paris'}}",
			"{'title': 'omega', 'priority': 8, 'done': true}");

	static TaskSeeds create() {
		String admin = DataFixtures.admin().accessToken();
		User owner = DataFixtures.newUser();
		String collection = DataFixtures.define(admin, DataFixtures.TASK_SCHEMA, DataFixtures.access("authenticated"));
		Map<String, JsonNode> byTitle = new LinkedHashMap<>();
		for (int i = 0; i < TASKS.size(); i++) {
			JsonNode task = DataFixtures.json(TASKS.get(i));
			String bearer = (i < TASKS.size() - 1) ? owner.token() : admin;
			byTitle.put(task.path("title").asString(), DataFixtures.create(bearer, collection, task));
		}
		return new TaskSeeds(collection, owner, byTitle);
	}

	JsonNode get(String title) {
		return this.byTitle.get(title);
	}

	String id(String title) {
		return get(title).path("_id").asString();
	}

	List<String> titles() {
		return List.copyOf(this.byTitle.keySet());
	}

	/** The titles in {@code _id} order, how the API breaks ties and sorts by default. */
	List<String> inIdOrder(String... titles) {
		return Arrays.stream(titles).sorted(Comparator.comparing(this::id)).toList();
	}

	/** The titles a query answers, as the owner, in the order it answers them. */
	List<String> query(String... parameters) {
		Reply reply = DataFixtures.query(this.owner.token(), this.collection, parameters);
		return DataFixtures.titles(reply);
	}

	/** Asserts which tasks a filter matches, and that the count agrees. */
	void assertMatches(String filter, String... titles) {
		assertThat(query("filter", filter, "limit", "100")).as(filter).containsExactlyInAnyOrder(titles);
		assertThat(DataFixtures.count(this.owner.token(), this.collection, filter)).as(filter).isEqualTo(titles.length);
	}

}
