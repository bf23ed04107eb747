package dev.keel.data;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.keel.testing.ServiceHttp.Reply;

import static dev.keel.data.DataFixtures.aCollectionName;
import static dev.keel.data.DataFixtures.aTask;
import static dev.keel.data.DataFixtures.aTaskCollection;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problem documents of the rejections data-service's features throw rather than
 * return: status, code, detail, headers and the shared fields ({@code title},
 * {@code instance}, {@code traceId}), as a client sees them.
 */
class ProblemAnswersIntegrationTests extends DataServiceTest {

	@Test
	void aRuleThatNeedsATokenAnswers401WithAChallenge() {
		String documents = documentsOf(aTaskCollection("authenticated", "authenticated", "owner", "owner"));

		Reply reply = get(documents, null);

		assertProblem(reply, 401, "unauthorized",
				"This collection needs an access token: send " + "'Authorization: Bearer <token>'.", documents);
		assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void aRoleTheTokenLacksAnswers403() {
		String documents = documentsOf(aTaskCollection("public", "role:editor", "owner", "owner"));

		Reply reply = post(documents, tokens.token("alice"), aTask("x"));

		assertProblem(reply, 403, "forbidden", "This collection's 'role:editor' rule does not let you do this.",
				documents);
		assertThat(reply.header("WWW-Authenticate")).isNull();
	}

	@Test
	void anUnknownCollectionAnswers404() {
		Reply reply = get("/api/data/collections/nowhere/documents/abc", admin());

		assertProblem(reply, 404, "collection_not_found", "There is no collection named 'nowhere'.",
				"/api/data/collections/nowhere/documents/abc");
	}

	@Test
	void bodiesThatAreNotJsonOrTooLargeAreRefused() {
		String documents = documentsOf(aTaskCollection("public", "public", "public", "public"));

		Reply malformed = post(documents, null, "{\"title\": ");
		Reply duplicateKey = post(documents, null, "{\"title\": \"a\", \"title\": \"b\"}");
		Reply tooLarge = post(documents, null, Map.of("title", "x".repeat(300 * 1024)));

		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.code()).isEqualTo("malformed_request");
		assertThat(malformed.json().path("detail").asString()).startsWith("The request body is not valid JSON");
		assertThat(duplicateKey.code()).isEqualTo("malformed_request");
		assertProblem(tooLarge, 413, "payload_too_large", "A document may be at most 256 KiB of JSON.", documents);
	}

	@Test
	void aRejectedQueryNamesItsField() {
		String documents = documentsOf(aTaskCollection("public", "public", "public", "public"));

		Reply reply = get(documents + "?sort=nonsense%20field", null);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("invalid_sort");
		assertThat(reply.json().path("errors").get(0).path("message").asString())
			.isEqualTo(reply.json().path("detail").asString());
		assertThat(reply.json().path("traceId").isString()).isTrue();
	}

	private String documentsOf(Map<String, Object> definition) {
		String name = aCollectionName("problems");
		assertThat(put("/api/data/collections/" + name, admin(), definition).status()).isEqualTo(201);
		return "/api/data/collections/" + name + "/documents";
	}

	private static void assertProblem(Reply reply, int status, String code, String detail, String instance) {
		JsonNode problem = reply.json();
		assertThat(reply.status()).isEqualTo(status);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("code").asString()).isEqualTo(code);
		assertThat(problem.path("detail").asString()).isEqualTo(detail);
		assertThat(problem.path("title").isString()).isTrue();
		assertThat(problem.path("instance").asString()).isEqualTo(instance);
		assertThat(problem.path("traceId").isString()).isTrue();
	}

}
