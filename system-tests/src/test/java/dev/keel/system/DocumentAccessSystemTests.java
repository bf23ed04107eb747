package dev.keel.system;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;
import dev.keel.system.DataFixtures.User;

import static dev.keel.system.DataFixtures.access;
import static dev.keel.system.DataFixtures.allPages;
import static dev.keel.system.DataFixtures.assertProblem;
import static dev.keel.system.DataFixtures.count;
import static dev.keel.system.DataFixtures.countReply;
import static dev.keel.system.DataFixtures.create;
import static dev.keel.system.DataFixtures.define;
import static dev.keel.system.DataFixtures.describe;
import static dev.keel.system.DataFixtures.document;
import static dev.keel.system.DataFixtures.documents;
import static dev.keel.system.DataFixtures.ids;
import static dev.keel.system.DataFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees and changes which documents (API.md §4, data-contract "Paths, auth"): owner
 * rules hide other users' documents everywhere, including pages and counts; public,
 * authenticated and role rules; the admin sees all.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 40)
class DocumentAccessSystemTests {

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
	void anotherUsersDocumentIsNotFoundForEveryOperation() {
		String notes = define(admin, null, access("owner"));
		JsonNode mine = create(ann.token(), notes, Map.of("text", "private"));
		assertThat(mine.path("_owner").asString()).isEqualTo(ann.id());
		String path = document(notes, mine.path("_id").asString());

		assertProblem(Api.get(path, bob.token()), 404, "document_not_found");
		assertProblem(Api.put(path, bob.token(), Map.of("text", "mine now")), 404, "document_not_found");
		assertProblem(Api.call("PATCH", path, bob.token(), Map.of("Content-Type", "application/merge-patch+json"),
				"{\"text\": \"mine now\"}"), 404, "document_not_found");
		assertProblem(Api.call("PUT", path, bob.token(), Map.of("If-Match", "\"1\""), Map.of("text", "x")), 404,
				"document_not_found");
		assertProblem(Api.delete(path, bob.token()), 404, "document_not_found");
		Reply anonymous = Api.get(path, null);
		assertProblem(anonymous, 401, "unauthorized");
		assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");

		assertThat(Api.get(path, ann.token()).body()).isEqualTo(mine);
		Reply byAdmin = Api.get(path, admin);
		assertThat(byAdmin.status()).as(describe(byAdmin)).isEqualTo(200);
		assertThat(Api.put(path, admin, Map.of("text", "moderated")).body().path("_owner").asString())
			.isEqualTo(ann.id());
		assertThat(Api.delete(path, admin).status()).isEqualTo(204);
	}

	@Test
	void ownerQueriesPagesAndCountsShowOnlyTheCallersDocuments() {
		String notes = define(admin, null, access("owner"));
		for (int i = 0; i < 30; i++) {
			create(ann.token(), notes, Map.of("n", i, "by", "ann"));
			create(bob.token(), notes, Map.of("n", i, "by", "bob"));
		}
		List<JsonNode> bobs = allPages(bob.token(), notes, "limit", "7");
		assertThat(bobs).hasSize(30).allSatisfy((document) -> {
			assertThat(document.path("_owner").asString()).isEqualTo(bob.id());
			assertThat(document.path("by").asString()).isEqualTo("bob");
		});
		assertThat(new HashSet<>(ids(bobs))).hasSize(30);
		assertThat(count(bob.token(), notes, null)).isEqualTo(30);
		assertThat(count(ann.token(), notes, null)).isEqualTo(30);
		assertThat(allPages(bob.token(), notes, "limit", "7", "filter", "by==ann")).isEmpty();
		assertThat(count(bob.token(), notes, "_owner==" + ann.id())).isZero();
		assertThat(count(bob.token(), notes, "_owner!=" + bob.id())).isZero();
		assertThat(count(bob.token(), notes, "by==ann,n=ge=0")).isEqualTo(30);
		assertThat(allPages(bob.token(), notes, "limit", "7", "sort", "-n")).hasSize(30)
			.allSatisfy((document) -> assertThat(document.path("by").asString()).isEqualTo("bob"));

		assertThat(count(admin, notes, null)).isEqualTo(60);
		assertThat(allPages(admin, notes, "limit", "100")).hasSize(60);
	}

	@Test
	void publicDocumentsAreReadableWithoutAToken() {
		String news = define(admin, null, access("public", "authenticated", "owner", "owner"));
		JsonNode post = create(ann.token(), news, Map.of("headline", "Keel ships"));
		String path = document(news, post.path("_id").asString());

		assertThat(Api.get(path, null).body()).isEqualTo(post);
		Reply listed = query(null, news, "filter", "headline==Keel*");
		assertThat(listed.status()).as(describe(listed)).isEqualTo(200);
		assertThat(ids(listed.body().path("items").valueStream().toList()))
			.containsExactly(post.path("_id").asString());
		assertThat(count(null, news, null)).isOne();

		assertProblem(Api.post(documents(news), null, Map.of("headline", "spam")), 401, "unauthorized");
		assertProblem(Api.put(path, null, Map.of("headline", "defaced")), 401, "unauthorized");
		// Bad tokens are refused at the gateway, which says why (code invalid_token).
		assertProblem(Api.get(path, "not.a.token"), 401, "invalid_token");
		String tampered = ann.token().substring(0, ann.token().length() - 4) + "AAAA";
		assertProblem(Api.get(path, tampered), 401, "invalid_token");
		assertProblem(countReply(tampered, news, null), 401, "invalid_token");
		assertThat(count(null, news, null)).isOne();
	}

	@Test
	void anonymousCreationInAPublicCollectionHasNoOwner() {
		String guestbook = define(admin, null, access("public"));
		JsonNode entry = create(null, guestbook, Map.of("message", "hello"));
		assertThat(entry.path("_owner").isNull()).as(entry.toString()).isTrue();
		assertThat(Api.get(document(guestbook, entry.path("_id").asString()), null).body()).isEqualTo(entry);
	}

	@Test
	void authenticatedRuleNeedsAValidToken() {
		String board = define(admin, null, access("authenticated"));
		create(ann.token(), board, Map.of("topic", "hello"));
		Reply anonymous = query(null, board);
		assertProblem(anonymous, 401, "unauthorized");
		assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
		assertProblem(countReply(null, board, null), 401, "unauthorized");
		assertProblem(Api.post(documents(board), null, Map.of("topic", "x")), 401, "unauthorized");
		assertThat(count(bob.token(), board, null)).isOne();
	}

	@Test
	void roleRuleNeedsThatRole() {
		String drafts = define(admin, null, access("role:editor"));
		create(admin, drafts, Map.of("draft", "one"));
		assertProblem(query(bob.token(), drafts), 403, "forbidden");
		assertProblem(countReply(bob.token(), drafts, null), 403, "forbidden");
		assertProblem(Api.post(documents(drafts), bob.token(), Map.of("draft", "two")), 403, "forbidden");
		assertProblem(query(null, drafts), 401, "unauthorized");

		String email = Accounts.newEmail();
		String id = Accounts.signUp(email);
		Reply promoted = Api.patch("/api/auth/admin/users/" + id, admin, Map.of("roles", List.of("user", "editor")));
		assertThat(promoted.status()).as(describe(promoted)).isEqualTo(200);
		String editor = Accounts.login(email, Accounts.PASSWORD).accessToken();
		assertThat(create(editor, drafts, Map.of("draft", "two")).path("_owner").asString()).isEqualTo(id);
		assertThat(count(editor, drafts, null)).isEqualTo(2);
		assertThat(count(admin, drafts, null)).isEqualTo(2);
	}

}
