package dev.keel.data.document;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.keel.data.DataServiceTest;
import dev.keel.testing.ServiceHttp.Reply;

import static dev.keel.data.DataFixtures.aCollectionName;
import static dev.keel.data.DataFixtures.access;
import static org.assertj.core.api.Assertions.assertThat;

/** The 256 KiB limit holds for the stored document, not only for each request. */
class DocumentSizeIntegrationTests extends DataServiceTest {

	private static final Map<String, String> MERGE_PATCH = Map.of("Content-Type", "application/merge-patch+json");

	private static final String KB_200 = "x".repeat(200 * 1024);

	String documents;

	String alice;

	@BeforeEach
	void defineNotes() {
		String name = aCollectionName("notes");
		put("/api/data/collections/" + name, admin(),
				Map.of("access", access("owner", "authenticated", "owner", "owner")));
		this.documents = "/api/data/collections/" + name + "/documents";
		this.alice = tokens.token("alice");
	}

	@Test
	void mergePatchThatWouldGrowTheDocumentPastTheLimitChangesNothing() {
		String id = post(this.documents, this.alice, Map.of("title", "t")).json().path("_id").asString();
		Reply first = patch(this.documents + "/" + id, this.alice, Map.of("a", KB_200), MERGE_PATCH);
		assertThat(first.status()).isEqualTo(200);

		Reply second = patch(this.documents + "/" + id, this.alice, Map.of("b", KB_200), MERGE_PATCH);

		assertThat(second.status()).isEqualTo(413);
		assertThat(second.header("Content-Type")).startsWith("application/problem+json");
		assertThat(second.code()).isEqualTo("document_too_large");
		Reply stored = get(this.documents + "/" + id, this.alice);
		assertThat(stored.header("ETag")).isEqualTo("\"2\"");
		assertThat(stored.json().has("b")).isFalse();
		assertThat(stored.json().path("a").asString()).hasSize(KB_200.length());
	}

	@Test
	void patchThatShrinksABigDocumentIsAccepted() {
		String id = post(this.documents, this.alice, Map.of("a", KB_200)).json().path("_id").asString();
		Map<String, Object> swap = new HashMap<>();
		swap.put("a", null);
		swap.put("b", KB_200);

		Reply swapped = patch(this.documents + "/" + id, this.alice, swap, MERGE_PATCH);

		assertThat(swapped.status()).isEqualTo(200);
		assertThat(swapped.json().has("a")).isFalse();
		assertThat(swapped.json().path("_version").asLong()).isEqualTo(2);
	}

}
