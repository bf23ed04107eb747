package dev.keel.data.collection;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keel.data.DataServiceTest;
import dev.keel.testing.ServiceHttp.Reply;

import static dev.keel.data.DataFixtures.aCollectionName;
import static dev.keel.data.DataFixtures.aTask;
import static dev.keel.data.DataFixtures.aTaskCollection;
import static dev.keel.data.DataFixtures.access;
import static org.assertj.core.api.Assertions.assertThat;

class CollectionApiIntegrationTests extends DataServiceTest {

	@Test
	void adminDefinesThenReplacesACollection() {
		String name = aCollectionName("tasks");
		Reply created = put("/api/data/collections/" + name, admin(),
				aTaskCollection("owner", "authenticated", "owner", "owner"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("access").path("read").asString()).isEqualTo("owner");
		assertThat(created.json().path("indexes").get(0).path("fields").get(1).asString()).isEqualTo("-priority");

		Reply replaced = put("/api/data/collections/" + name, admin(),
				Map.of("access", access("public", "authenticated", "owner", "owner")));
		assertThat(replaced.status()).isEqualTo(200);
		assertThat(replaced.json().path("schema").isNull()).isTrue();
		assertThat(get("/api/data/collections/" + name, tokens.token("user-1")).json()
			.path("access")
			.path("read")
			.asString()).isEqualTo("public");
	}

	@Test
	void onlyAdminsDefineCollections() {
		Reply reply = put("/api/data/collections/" + aCollectionName("nope"), tokens.token("user-1"),
				Map.of("access", access("public", "public", "public", "public")));
		assertThat(reply.status()).isEqualTo(403);
	}

	@Test
	void rejectsBadNamesSchemasAndRules() {
		Map<String, Object> fine = Map.of("access", access("public", "public", "public", "public"));
		assertThat(put("/api/data/collections/Bad_Name", admin(), fine).code()).isEqualTo("invalid_collection_name");
		Reply badSchema = put("/api/data/collections/" + aCollectionName("s"), admin(),
				Map.of("schema", Map.of("type", "object", "properties", Map.of("a", Map.of("type", "strin"))), "access",
						access("public", "public", "public", "public")));
		assertThat(badSchema.status()).isEqualTo(400);
		assertThat(badSchema.code()).isEqualTo("invalid_schema");
		Reply badRule = put("/api/data/collections/" + aCollectionName("r"), admin(),
				Map.of("access", Map.of("read", "everyone", "create", "public", "update", "public")));
		assertThat(badRule.status()).isEqualTo(400);
		assertThat(badRule.json().path("errors").findValuesAsString("field")).contains("access.read", "access.delete");
		Reply unknownKey = put("/api/data/collections/" + aCollectionName("u"), admin(),
				Map.of("access", access("public", "public", "public", "public"), "color", "red"));
		assertThat(unknownKey.status()).isEqualTo(400);
	}

	@Test
	void uniqueIndexRefusesDuplicatesAndCannotBeAddedOverThem() {
		String name = aCollectionName("people");
		Map<String, String> open = access("authenticated", "authenticated", "authenticated", "authenticated");
		put("/api/data/collections/" + name, admin(),
				Map.of("access", open, "indexes", List.of(Map.of("fields", List.of("email"), "unique", true))));
		String documents = "/api/data/collections/" + name + "/documents";
		assertThat(post(documents, admin(), Map.of("email", "a@x.test")).status()).isEqualTo(201);
		Reply duplicate = post(documents, admin(), Map.of("email", "a@x.test"));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.code()).isEqualTo("duplicate");
		assertThat(post(documents, admin(), Map.of("name", "no email")).status()).isEqualTo(201);
		assertThat(post(documents, admin(), Map.of("name", "no email either")).status()).isEqualTo(201);

		post(documents, admin(), Map.of("nick", "same"));
		post(documents, admin(), Map.of("nick", "same"));
		Reply conflicting = put("/api/data/collections/" + name, admin(),
				Map.of("access", open, "indexes", List.of(Map.of("fields", List.of("nick"), "unique", true))));
		assertThat(conflicting.status()).isEqualTo(409);
		assertThat(post(documents, admin(), Map.of("email", "a@x.test")).status()).as("old index kept").isEqualTo(409);
	}

	@Test
	void deletingACollectionRemovesItsDocuments() {
		String name = aCollectionName("gone");
		put("/api/data/collections/" + name, admin(), aTaskCollection("public", "public", "public", "public"));
		String id = post("/api/data/collections/" + name + "/documents", null, aTask("t")).json()
			.path("_id")
			.asString();

		assertThat(delete("/api/data/collections/" + name, admin()).status()).isEqualTo(204);

		Reply reply = get("/api/data/collections/" + name + "/documents/" + id, null);
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.code()).isEqualTo("collection_not_found");
		put("/api/data/collections/" + name, admin(), aTaskCollection("public", "public", "public", "public"));
		assertThat(get("/api/data/collections/" + name + "/documents/" + id, null).status()).isEqualTo(404);
	}

	@Test
	void listsDefinitionsByNameInPages() {
		for (int i = 0; i < 3; i++) {
			put("/api/data/collections/" + aCollectionName("list"), admin(),
					Map.of("access", access("public", "public", "public", "public")));
		}
		Reply first = get("/api/data/collections?limit=2", tokens.token("user-1"));
		assertThat(first.json().path("items")).hasSize(2);
		String cursor = first.json().path("nextCursor").asString();
		Reply second = get("/api/data/collections?limit=2&cursor=" + cursor, tokens.token("user-1"));
		assertThat(second.json().path("items").get(0).path("name").asString())
			.isGreaterThan(first.json().path("items").get(1).path("name").asString());
		assertThat(get("/api/data/collections", null).status()).isEqualTo(401);
		assertThat(get("/api/data/collections?limit=101", admin()).code()).isEqualTo("invalid_limit");
	}

}
