package dev.keel.data.document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.keel.data.DataServiceTest;
import dev.keel.testing.ServiceHttp.Reply;

import static dev.keel.data.DataFixtures.aCollectionName;
import static dev.keel.data.DataFixtures.aTask;
import static dev.keel.data.DataFixtures.aTaskCollection;
import static org.assertj.core.api.Assertions.assertThat;

class DocumentApiIntegrationTests extends DataServiceTest {

	String documents;

	@BeforeEach
	void defineTasks() {
		String name = aCollectionName("tasks");
		put("/api/data/collections/" + name, admin(), aTaskCollection("owner", "authenticated", "owner", "owner"));
		this.documents = "/api/data/collections/" + name + "/documents";
	}

	@Test
	void createsADocumentWithSystemFields() {
		Reply created = post(this.documents, tokens.token("alice"), aTask("write tests"));

		assertThat(created.status()).isEqualTo(201);
		JsonNode document = created.json();
		String id = document.path("_id").asString();
		assertThat(created.header("Location")).isEqualTo(this.documents + "/" + id);
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
		assertThat(document.path("_owner").asString()).isEqualTo("alice");
		assertThat(document.path("_version").asLong()).isEqualTo(1);
		assertThat(document.path("_createdAt").asString())
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(document.path("title").asString()).isEqualTo("write tests");
		assertThat(document.has("_outbox")).isFalse();

		Reply fetched = get(this.documents + "/" + id, tokens.token("alice"));
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.header("ETag")).isEqualTo("\"1\"");
		assertThat(fetched.json()).isEqualTo(document);
	}

	@Test
	void anotherUserCannotSeeOrChangeAnOwnersDocument() {
		String id = post(this.documents, tokens.token("alice"), aTask("mine")).json().path("_id").asString();
		String bob = tokens.token("bob");

		assertThat(get(this.documents + "/" + id, bob).code()).isEqualTo("document_not_found");
		assertThat(put(this.documents + "/" + id, bob, aTask("taken")).status()).isEqualTo(404);
		assertThat(delete(this.documents + "/" + id, bob).status()).isEqualTo(404);
		assertThat(get(this.documents + "/" + id, admin()).status()).isEqualTo(200);
		assertThat(get(this.documents + "/" + id, null).status()).isEqualTo(401);
	}

	@Test
	void staleIfMatchChangesNothing() {
		String alice = tokens.token("alice");
		String id = post(this.documents, alice, aTask("v1")).json().path("_id").asString();
		Reply v2 = call("PUT", this.documents + "/" + id, alice, aTask("v2"), Map.of("If-Match", "\"1\""));
		assertThat(v2.status()).isEqualTo(200);
		assertThat(v2.header("ETag")).isEqualTo("\"2\"");

		Reply stale = call("PUT", this.documents + "/" + id, alice, aTask("v3"), Map.of("If-Match", "\"1\""));
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.code()).isEqualTo("version_conflict");
		Reply staleDelete = call("DELETE", this.documents + "/" + id, alice, null, Map.of("If-Match", "\"1\""));
		assertThat(staleDelete.status()).isEqualTo(412);
		assertThat(get(this.documents + "/" + id, alice).json().path("title").asString()).isEqualTo("v2");
	}

	@Test
	void mergePatchRemovesFieldsWithNull() {
		String alice = tokens.token("alice");
		String id = post(this.documents, alice, Map.of("title", "t", "status", "open", "tags", List.of("a"))).json()
			.path("_id")
			.asString();
		Map<String, Object> patch = new HashMap<>();
		patch.put("status", null);
		patch.put("priority", 5);
		Reply patched = patch(this.documents + "/" + id, alice, patch,
				Map.of("Content-Type", "application/merge-patch+json", "If-Match", "\"1\""));

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().has("status")).isFalse();
		assertThat(patched.json().path("priority").asInt()).isEqualTo(5);
		assertThat(patched.json().path("tags").get(0).asString()).isEqualTo("a");
		assertThat(patched.json().path("_version").asLong()).isEqualTo(2);
		assertThat(patch(this.documents + "/" + id, alice, patch, Map.of()).status()).isEqualTo(415);
	}

	@Test
	void schemaViolationsNameTheirFields() {
		Reply reply = post(this.documents, tokens.token("alice"),
				Map.of("priority", "high", "color", "red", "address", Map.of("city", 7)));

		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.code()).isEqualTo("validation_failed");
		assertThat(reply.json().path("errors").findValuesAsString("field")).contains("title", "priority", "color",
				"address.city");
	}

	@Test
	void refusesReservedNamesDeepNestingAndHugeBodies() {
		String alice = tokens.token("alice");
		for (Object body : List.of(Map.of("title", "t", "_id", "x"), Map.of("title", "t", "$set", 1),
				Map.of("title", "t", "a.b", 1), Map.of("title", "t", "address", Map.of("_y", 1)), "[1,2]",
				"{\"title\":")) {
			Reply reply = post(this.documents, alice, body);
			assertThat(reply.status()).as("%s", body).isEqualTo(400);
		}
		StringBuilder deep = new StringBuilder();
		deep.append("{\"title\":\"t\",\"address\":").append("{\"a\":".repeat(32)).append("1").append("}".repeat(33));
		assertThat(post(this.documents, alice, deep.toString()).code()).isEqualTo("invalid_document");
		String huge = "{\"title\":\"" + "x".repeat(300 * 1024) + "\"}";
		assertThat(post(this.documents, alice, huge).status()).isEqualTo(413);
	}

	@Test
	void repeatedIdempotencyKeyCreatesOneDocument() {
		String alice = tokens.token("alice");
		Map<String, String> key = Map.of("Idempotency-Key", "order-42");
		Reply first = call("POST", this.documents, alice, aTask("once"), key);
		Reply again = call("POST", this.documents, alice, aTask("once"), key);

		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json()).isEqualTo(first.json());
		assertThat(again.header("Location")).isEqualTo(first.header("Location"));
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		Reply reused = call("POST", this.documents, alice, aTask("different"), key);
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.code()).isEqualTo("idempotency_key_reused");
		Reply otherCaller = call("POST", this.documents, tokens.token("bob"), aTask("once"), key);
		assertThat(otherCaller.json().path("_id")).isNotEqualTo(first.json().path("_id"));
	}

	@Test
	void deletedDocumentIsGone() {
		String alice = tokens.token("alice");
		String id = post(this.documents, alice, aTask("bye")).json().path("_id").asString();

		assertThat(delete(this.documents + "/" + id, alice).status()).isEqualTo(204);
		assertThat(get(this.documents + "/" + id, alice).status()).isEqualTo(404);
		assertThat(delete(this.documents + "/" + id, alice).status()).isEqualTo(404);
	}

	@Test
	void publicCollectionIsReadableWithoutAToken() {
		String name = aCollectionName("news");
		put("/api/data/collections/" + name, admin(), aTaskCollection("public", "role:editor", "role:editor", "owner"));
		String path = "/api/data/collections/" + name + "/documents";
		assertThat(post(path, tokens.token("alice"), aTask("x")).status()).isEqualTo(403);
		String id = post(path, tokens.token("eve", "editor"), aTask("hello")).json().path("_id").asString();

		assertThat(get(path + "/" + id, null).json().path("title").asString()).isEqualTo("hello");
		assertThat(get(path + "/" + id, "not-a-token").status()).isEqualTo(401);
		assertThat(post("/api/data/collections/missing/documents", admin(), aTask("x")).code())
			.isEqualTo("collection_not_found");
	}

}
