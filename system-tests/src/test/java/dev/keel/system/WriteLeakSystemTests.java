package dev.keel.system;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;
import dev.keel.system.DataFixtures.User;

import static dev.keel.system.DataFixtures.access;
import static dev.keel.system.DataFixtures.assertProblem;
import static dev.keel.system.DataFixtures.create;
import static dev.keel.system.DataFixtures.define;
import static dev.keel.system.DataFixtures.describe;
import static dev.keel.system.DataFixtures.document;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes that used to give away more than the rules allow: an update answer that showed a
 * document its caller may not read, and merge patches that grew a stored document past
 * the size limit that each request passed on its own.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 42)
class WriteLeakSystemTests {

	private static final Map<String, String> MERGE_PATCH = Map.of("Content-Type", "application/merge-patch+json");

	private static String admin;

	private static User ann;

	private static User bob;

	@BeforeAll
	static void users() {
		admin = DataFixtures.admin().accessToken();
		ann = DataFixtures.newUser();
		bob = DataFixtures.newUser();
	}

	@Test
	void aWriterWhoMayNotReadGetsOnlyTheIdAndVersionBack() {
		String diaries = define(admin, null, access("owner", "authenticated", "authenticated", "authenticated"));
		JsonNode entry = create(ann.token(), diaries, Map.of("text", "ann's secret", "mood", "fine"));
		String path = document(diaries, entry.path("_id").asString());

		Reply patched = Api.call("PATCH", path, bob.token(), MERGE_PATCH, "{}");
		assertThat(patched.status()).as(describe(patched)).isEqualTo(200);
		assertThat(patched.body().propertyNames()).containsExactlyInAnyOrder("_id", "_version");
		assertThat(patched.header("ETag")).isEqualTo("\"" + patched.body().path("_version").asLong() + "\"");

		Reply replaced = Api.put(path, bob.token(), Map.of("text", "bob was here"));
		assertThat(replaced.status()).as(describe(replaced)).isEqualTo(200);
		assertThat(replaced.body().toString()).doesNotContain("bob was here", "ann's secret");
		assertThat(replaced.body().propertyNames()).containsExactlyInAnyOrder("_id", "_version");

		assertThat(Api.get(path, ann.token()).body().path("text").asString()).isEqualTo("bob was here");
		assertThat(Api.get(path, bob.token()).status()).isEqualTo(404);
	}

	@Test
	void mergePatchesCannotGrowAStoredDocumentPastTheLimit() {
		String blobs = define(admin, null, access("owner"));
		JsonNode created = create(ann.token(), blobs, Map.of("title", "grows"));
		String path = document(blobs, created.path("_id").asString());
		String twoHundredKb = "x".repeat(200 * 1024);

		Reply first = Api.call("PATCH", path, ann.token(), MERGE_PATCH, Map.of("a", twoHundredKb));
		assertThat(first.status()).as(describe(first)).isEqualTo(200);
		Reply second = Api.call("PATCH", path, ann.token(), MERGE_PATCH, Map.of("b", twoHundredKb));
		assertProblem(second, 413, "document_too_large");

		JsonNode stored = Api.get(path, ann.token()).body();
		assertThat(stored.path("_version").asLong()).isEqualTo(2);
		assertThat(stored.has("b")).isFalse();
		assertThat(stored.path("a").asString()).hasSize(200 * 1024);
	}

}
