package dev.keel.system;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;
import dev.keel.system.DataFixtures.User;

import static dev.keel.system.DataFixtures.TASK_SCHEMA;
import static dev.keel.system.DataFixtures.TIMESTAMP;
import static dev.keel.system.DataFixtures.access;
import static dev.keel.system.DataFixtures.assertProblem;
import static dev.keel.system.DataFixtures.count;
import static dev.keel.system.DataFixtures.create;
import static dev.keel.system.DataFixtures.define;
import static dev.keel.system.DataFixtures.describe;
import static dev.keel.system.DataFixtures.document;
import static dev.keel.system.DataFixtures.documents;
import static dev.keel.system.DataFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document's life through the gateway (API.md §4): create, read, replace, merge-patch,
 * conditional writes with {@code If-Match}, delete, and idempotent creation.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 20)
class DocumentSystemTests {

	private static final String MERGE_PATCH = "application/merge-patch+json";

	private static User user;

	private static String tasks;

	@BeforeAll
	static void collection() {
		user = DataFixtures.newUser();
		tasks = define(DataFixtures.admin().accessToken(), TASK_SCHEMA, access("authenticated"));
	}

	@Test
	void createdDocumentHasItsLocationETagAndSystemFields() {
		Reply created = Api.post(documents(tasks), user.token(), Map.of("title", "Write tests", "priority", 2));
		assertThat(created.status()).as(describe(created)).isEqualTo(201);
		JsonNode document = created.body();
		String id = document.path("_id").asString();
		assertThat(id).matches("[0-9a-f]{24}");
		assertThat(DataFixtures.resolve(created.header("Location"))).isEqualTo(Api.GATEWAY + document(tasks, id));
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
		assertThat(document.path("title").asString()).isEqualTo("Write tests");
		assertThat(document.path("priority").asInt()).isEqualTo(2);
		assertThat(document.path("_owner").asString()).isEqualTo(user.id());
		assertThat(document.path("_version").asLong()).isEqualTo(1);
		assertThat(document.path("_createdAt").asString()).matches(TIMESTAMP);
		assertThat(document.path("_updatedAt").asString()).isEqualTo(document.path("_createdAt").asString());
		assertThat(document.propertyNames()).containsExactlyInAnyOrder("_id", "_owner", "_version", "_createdAt",
				"_updatedAt", "title", "priority");

		Reply read = Api.get(document(tasks, id), user.token());
		assertThat(read.status()).as(describe(read)).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"1\"");
		assertThat(read.contentType()).startsWith("application/json");
		assertThat(read.body()).isEqualTo(document);
	}

	@Test
	void putReplacesUserFieldsAndMergePatchChangesOnlyWhatItNames() {
		JsonNode created = create(user.token(), tasks,
				json("{'title': 'a', 'priority': 1, 'address': {'city': 'Oslo', 'zip': '0150'}}"));
		String path = document(tasks, created.path("_id").asString());

		Reply replaced = Api.put(path, user.token(), Map.of("title", "b", "done", true));
		assertThat(replaced.status()).as(describe(replaced)).isEqualTo(200);
		assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
		assertThat(replaced.body().propertyNames()).doesNotContain("priority", "address").contains("title", "done");
		for (String system : new String[] { "_id", "_owner", "_createdAt" }) {
			assertThat(replaced.body().path(system)).isEqualTo(created.path(system));
		}
		assertThat(replaced.body().path("_version").asLong()).isEqualTo(2);

		Reply patched = patch(path, "{\"priority\": 5, \"done\": null, \"address\": {\"city\": \"Bergen\"}}", null);
		assertThat(patched.status()).as(describe(patched)).isEqualTo(200);
		assertThat(patched.header("ETag")).isEqualTo("\"3\"");
		assertThat(patched.body().path("title").asString()).isEqualTo("b");
		assertThat(patched.body().path("priority").asInt()).isEqualTo(5);
		assertThat(patched.body().has("done")).isFalse();
		assertThat(patched.body().path("address")).isEqualTo(json("{'city': 'Bergen'}"));
		assertThat(patched.body().path("_updatedAt").asString())
			.isGreaterThanOrEqualTo(replaced.body().path("_updatedAt").asString());

		Reply plainJson = Api.call("PATCH", path, user.token(), Map.of("Content-Type", "application/json"),
				"{\"priority\": 9}");
		assertThat(plainJson.status()).as(describe(plainJson)).isEqualTo(415);
		assertThat(plainJson.contentType()).startsWith("application/problem+json");
		assertProblem(Api.put(path, user.token(), Map.of("title", "c", "_version", 7)), 400, "invalid_document");
		assertProblem(patch(path, "{\"_owner\": \"someone-else\"}", null), 400, "invalid_document");
		assertThat(Api.get(path, user.token()).body()).isEqualTo(patched.body());
	}

	@Test
	void staleIfMatchIsAConflictAndChangesNothing() {
		String path = document(tasks, create(user.token(), tasks, Map.of("title", "v1")).path("_id").asString());
		assertThat(write("PUT", path, "\"1\"", "{\"title\": \"v2\"}").status()).isEqualTo(200);
		JsonNode current = Api.get(path, user.token()).body();

		assertProblem(write("PUT", path, "\"1\"", "{\"title\": \"lost\"}"), 412, "version_conflict");
		assertProblem(patch(path, "{\"title\": \"lost\"}", "\"1\""), 412, "version_conflict");
		assertProblem(write("DELETE", path, "\"1\"", null), 412, "version_conflict");
		assertProblem(write("PUT", path, "\"two\"", "{\"title\": \"lost\"}"), 412, "version_conflict");
		Reply after = Api.get(path, user.token());
		assertThat(after.body()).isEqualTo(current);
		assertThat(after.header("ETag")).isEqualTo("\"2\"");

		assertThat(patch(path, "{\"title\": \"v3\"}", "W/\"2\"").header("ETag")).isEqualTo("\"3\"");
		assertThat(write("PUT", path, "*", "{\"title\": \"v4\"}").header("ETag")).isEqualTo("\"4\"");
		assertThat(write("DELETE", path, "\"4\"", null).status()).isEqualTo(204);
	}

	@Test
	void deletedDocumentIsNotFound() {
		String path = document(tasks, create(user.token(), tasks, Map.of("title", "gone")).path("_id").asString());
		long before = count(user.token(), tasks, null);
		Reply deleted = Api.delete(path, user.token());
		assertThat(deleted.status()).as(describe(deleted)).isEqualTo(204);
		assertProblem(Api.get(path, user.token()), 404, "document_not_found");
		assertProblem(Api.delete(path, user.token()), 404, "document_not_found");
		assertProblem(Api.put(path, user.token(), Map.of("title", "back")), 404, "document_not_found");
		assertProblem(patch(path, "{\"title\": \"back\"}", null), 404, "document_not_found");
		assertThat(count(user.token(), tasks, null)).isEqualTo(before - 1);
		assertProblem(Api.get(document(tasks, "0123456789abcdef01234567"), user.token()), 404, "document_not_found");
		assertProblem(Api.get(document(tasks, "not-an-id"), user.token()), 404, "document_not_found");
	}

	@Test
	void repeatedIdempotencyKeyReplaysTheFirstCreation() {
		String collection = define(DataFixtures.admin().accessToken(), null, access("authenticated"));
		Map<String, String> key = Map.of("Idempotency-Key", "order-" + System.nanoTime());
		Reply first = Api.call("POST", documents(collection), user.token(), key, Map.of("item", "book"));
		assertThat(first.status()).as(describe(first)).isEqualTo(201);
		Reply repeat = Api.call("POST", documents(collection), user.token(), key, Map.of("item", "book"));
		assertThat(repeat.status()).as(describe(repeat)).isEqualTo(201);
		assertThat(repeat.body()).isEqualTo(first.body());
		assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
		assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag"));
		assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(count(user.token(), collection, null)).isOne();

		assertProblem(Api.call("POST", documents(collection), user.token(), key, Map.of("item", "pen")), 422,
				"idempotency_key_reused");
		assertThat(count(user.token(), collection, null)).isOne();

		User other = DataFixtures.newUser();
		Reply theirs = Api.call("POST", documents(collection), other.token(), key, Map.of("item", "book"));
		assertThat(theirs.status()).as(describe(theirs)).isEqualTo(201);
		assertThat(theirs.body().path("_id")).isNotEqualTo(first.body().path("_id"));
		assertProblem(Api.call("POST", documents(collection), user.token(), Map.of("Idempotency-Key", "k".repeat(256)),
				Map.of("item", "book")), 400, "invalid_idempotency_key");
		assertThat(count(user.token(), collection, null)).isEqualTo(2);
	}

	@Test
	void anUndefinedCollectionIsNotFound() {
		String missing = DataFixtures.newCollectionName();
		assertProblem(Api.post(documents(missing), user.token(), Map.of("title", "x")), 404, "collection_not_found");
		assertProblem(Api.get(document(missing, "0123456789abcdef01234567"), user.token()), 404,
				"collection_not_found");
		assertProblem(Api.put(document(missing, "0123456789abcdef01234567"), user.token(), Map.of("title", "x")), 404,
				"collection_not_found");
		assertProblem(DataFixtures.query(user.token(), missing), 404, "collection_not_found");
		assertProblem(DataFixtures.countReply(user.token(), missing, null), 404, "collection_not_found");
	}

	private static Reply patch(String path, String body, String ifMatch) {
		return write("PATCH", path, ifMatch, body);
	}

	private static Reply write(String method, String path, String ifMatch, String body) {
		Map<String, String> headers = new java.util.HashMap<>();
		if (ifMatch != null) {
			headers.put("If-Match", ifMatch);
		}
		if ("PATCH".equals(method)) {
			headers.put("Content-Type", MERGE_PATCH);
		}
		return Api.call(method, path, user.token(), headers, body);
	}

}
