package dev.keel.data.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.keel.data.DataServiceTest;
import dev.keel.testing.ServiceHttp.Reply;

import static dev.keel.data.DataFixtures.aCollectionName;
import static dev.keel.data.DataFixtures.aTaskCollection;
import static org.assertj.core.api.Assertions.assertThat;

class DocumentQueryApiIntegrationTests extends DataServiceTest {

	@Test
	void ownerRuleAppliesToQueriesCountsAndEveryPage() {
		String name = aCollectionName("private");
		put("/api/data/collections/" + name, admin(), aTaskCollection("owner", "authenticated", "owner", "owner"));
		String documents = "/api/data/collections/" + name + "/documents";
		for (int i = 0; i < 12; i++) {
			post(documents, tokens.token("alice"), Map.of("title", "a" + i, "priority", i));
			post(documents, tokens.token("bob"), Map.of("title", "b" + i, "priority", i));
		}

		List<JsonNode> seen = pages(documents + "?limit=5&sort=-priority", tokens.token("bob"));
		assertThat(seen).hasSize(12).allSatisfy((doc) -> assertThat(doc.path("_owner").asString()).isEqualTo("bob"));
		assertThat(seen.get(0).path("priority").asInt()).isEqualTo(11);
		Reply count = get("/api/data/collections/" + name + "/count?filter=priority=ge=6", tokens.token("bob"));
		assertThat(count.json().path("count").asLong()).isEqualTo(6);
		assertThat(pages(documents + "?limit=7", admin())).hasSize(24);
	}

	@Test
	void publicCollectionIsQueryableWithoutAToken() {
		String name = aCollectionName("catalog");
		put("/api/data/collections/" + name, admin(), aTaskCollection("public", "authenticated", "owner", "owner"));
		String documents = "/api/data/collections/" + name + "/documents";
		post(documents, tokens.token("alice"), Map.of("title", "red shoe", "status", "open"));
		post(documents, tokens.token("alice"), Map.of("title", "blue hat", "status", "done"));

		Reply reply = get(documents + "?filter=title==*shoe&fields=status", null);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("items")).singleElement().satisfies((doc) -> {
			assertThat(doc.path("status").asString()).isEqualTo("open");
			assertThat(doc.has("title")).isFalse();
			assertThat(doc.path("_version").asLong()).isEqualTo(1);
		});
		assertThat(reply.json().path("nextCursor").isNull()).isTrue();
		assertThat(get("/api/data/collections/" + name + "/count", null).json().path("count").asLong()).isEqualTo(2);
	}

	@Test
	void badQueriesAreClearProblems() {
		String name = aCollectionName("bad");
		put("/api/data/collections/" + name, admin(), aTaskCollection("public", "public", "public", "public"));
		String documents = "/api/data/collections/" + name + "/documents";
		assertThat(get(documents + "?filter=$where==1", null).code()).isEqualTo("invalid_filter");
		assertThat(get(documents + "?filter=priority==high", null).code()).isEqualTo("invalid_filter");
		assertThat(get(documents + "?sort=a..b", null).code()).isEqualTo("invalid_sort");
		assertThat(get(documents + "?limit=101", null).code()).isEqualTo("invalid_limit");
		assertThat(get(documents + "?cursor=garbage", null).code()).isEqualTo("invalid_cursor");
		assertThat(get(documents + "?filter=" + "(".repeat(1000) + "a==1" + ")".repeat(1000), null).status())
			.isEqualTo(400);
	}

	private List<JsonNode> pages(String query, String token) {
		List<JsonNode> all = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = get(query + ((cursor != null) ? "&cursor=" + cursor : ""), token).json();
			page.path("items").forEach(all::add);
			cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
		}
		while (cursor != null);
		return all;
	}

}
