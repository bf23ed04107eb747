package dev.keel.data.document;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.keel.data.DataServiceTest;
import dev.keel.testing.ServiceHttp.Reply;

import static dev.keel.data.DataFixtures.aCollectionName;
import static dev.keel.data.DataFixtures.aTask;
import static dev.keel.data.DataFixtures.aTaskCollection;
import static dev.keel.data.DataFixtures.access;
import static dev.keel.data.DataFixtures.taskSchema;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers to writes never show a document to a caller whom the collection's
 * {@code read} rule does not let read it: such a caller gets only {@code _id},
 * {@code _version} and the {@code ETag}.
 */
class WriteAnswerIntegrationTests extends DataServiceTest {

	private static final Map<String, String> MERGE_PATCH = Map.of("Content-Type", "application/merge-patch+json");

	@Test
	void updaterWhoMayNotReadGetsOnlyIdAndVersion() {
		String documents = define(aTaskCollection("owner", "authenticated", "authenticated", "authenticated"));
		String id = post(documents, tokens.token("alice"), aTask("alice's secret")).json().path("_id").asString();
		String bob = tokens.token("bob");

		Reply emptyPatch = patch(documents + "/" + id, bob, Map.of(), MERGE_PATCH);
		assertThat(emptyPatch.status()).isEqualTo(200);
		assertThat(emptyPatch.header("ETag")).isEqualTo("\"1\"");
		assertOnlyIdAndVersion(emptyPatch.json(), id, 1);

		Reply patched = patch(documents + "/" + id, bob, Map.of("priority", 9), MERGE_PATCH);
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.header("ETag")).isEqualTo("\"2\"");
		assertOnlyIdAndVersion(patched.json(), id, 2);

		Reply replaced = put(documents + "/" + id, bob, aTask("bob's now"));
		assertThat(replaced.status()).isEqualTo(200);
		assertOnlyIdAndVersion(replaced.json(), id, 3);

		assertThat(get(documents + "/" + id, bob).status()).isEqualTo(404);
		assertThat(delete(documents + "/" + id, bob).status()).isEqualTo(204);
	}

	@Test
	void ownerAndAdminStillGetTheWholeDocument() {
		String documents = define(aTaskCollection("owner", "authenticated", "authenticated", "authenticated"));
		String alice = tokens.token("alice");
		String id = post(documents, alice, aTask("mine")).json().path("_id").asString();

		Reply byOwner = patch(documents + "/" + id, alice, Map.of("priority", 1), MERGE_PATCH);
		assertThat(byOwner.json().path("title").asString()).isEqualTo("mine");
		assertThat(byOwner.json().path("_owner").asString()).isEqualTo("alice");
		Reply byAdmin = put(documents + "/" + id, admin(), aTask("checked"));
		assertThat(byAdmin.json().path("title").asString()).isEqualTo("checked");
		assertThat(byAdmin.json().path("_updatedAt").isString()).isTrue();
	}

	@Test
	void creatorWhoMayNotReadGetsOnlyIdAndVersion() {
		String documents = define(aTaskCollection("role:staff", "authenticated", "role:staff", "role:staff"));
		Reply created = post(documents, tokens.token("alice"), aTask("a report"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
		String id = created.json().path("_id").asString();
		assertThat(created.header("Location")).isEqualTo(documents + "/" + id);
		assertOnlyIdAndVersion(created.json(), id, 1);
		Reply byStaff = post(documents, tokens.token("sam", "staff"), aTask("staff note"));
		assertThat(byStaff.json().path("title").asString()).isEqualTo("staff note");
	}

	@Test
	void anonymousCreationUnderTheOwnerReadRuleShowsNothing() {
		String documents = define(aTaskCollection("owner", "public", "owner", "owner"));
		Reply created = post(documents, null, aTask("dropped off"));

		assertThat(created.status()).isEqualTo(201);
		assertOnlyIdAndVersion(created.json(), created.json().path("_id").asString(), 1);
	}

	@Test
	void replayedCreationShowsOnlyWhatTheReadRuleAllows() {
		String documents = define(aTaskCollection("role:staff", "authenticated", "role:staff", "role:staff"));
		String alice = tokens.token("alice");
		Map<String, String> key = Map.of("Idempotency-Key", "report-1");
		Reply first = call("POST", documents, alice, aTask("a report"), key);
		Reply again = call("POST", documents, alice, aTask("a report"), key);

		assertThat(again.status()).isEqualTo(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.header("ETag")).isEqualTo("\"1\"");
		assertOnlyIdAndVersion(again.json(), first.json().path("_id").asString(), 1);
	}

	@Test
	void schemaErrorsOfAPatchNameOnlyPatchedFieldsToWhoMayNotRead() {
		String name = aCollectionName("notes");
		Map<String, Object> loose = Map.of("schema", Map.of("type", "object"), "access",
				access("owner", "authenticated", "authenticated", "authenticated"));
		put("/api/data/collections/" + name, admin(), loose);
		String documents = "/api/data/collections/" + name + "/documents";
		String alice = tokens.token("alice");
		String id = post(documents, alice, Map.of("title", "t", "salary", "120000")).json().path("_id").asString();
		// A stricter schema applies to each document's next write.
		put("/api/data/collections/" + name, admin(), Map.of("schema", taskSchema(), "access",
				access("owner", "authenticated", "authenticated", "authenticated")));

		Reply byBob = patch(documents + "/" + id, tokens.token("bob"), Map.of("priority", -1), MERGE_PATCH);
		assertThat(byBob.status()).isEqualTo(422);
		assertThat(byBob.json().path("errors").findValuesAsString("field")).containsExactly("priority");
		assertThat(byBob.body()).doesNotContain("salary");
		Reply byAlice = patch(documents + "/" + id, alice, Map.of("priority", -1), MERGE_PATCH);
		assertThat(byAlice.json().path("errors").findValuesAsString("field")).contains("priority", "salary");
		assertThat(get(documents + "/" + id, alice).json().path("_version").asLong()).isEqualTo(1);
	}

	private String define(Map<String, Object> definition) {
		String name = aCollectionName("hidden");
		assertThat(put("/api/data/collections/" + name, admin(), definition).status()).isIn(200, 201);
		return "/api/data/collections/" + name + "/documents";
	}

	private static void assertOnlyIdAndVersion(JsonNode body, String id, long version) {
		assertThat(body.propertyNames()).containsExactlyInAnyOrderElementsOf(List.of("_id", "_version"));
		assertThat(body.path("_id").asString()).isEqualTo(id);
		assertThat(body.path("_version").asLong()).isEqualTo(version);
	}

}
