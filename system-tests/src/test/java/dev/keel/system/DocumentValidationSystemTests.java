package dev.keel.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;
import dev.keel.system.DataFixtures.User;

import static dev.keel.system.DataFixtures.TASK_SCHEMA;
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
 * What data-service refuses to store (API.md §4): reserved field names, deep nesting,
 * oversized bodies, bodies that are not objects, and schema violations with their field
 * paths. A refused write never leaves anything behind.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 30)
class DocumentValidationSystemTests {

	private static User user;

	private static String free;

	private static String tasks;

	private static String strict;

	@BeforeAll
	static void collections() {
		user = DataFixtures.newUser();
		String admin = DataFixtures.admin().accessToken();
		free = define(admin, null, access("authenticated"));
		tasks = define(admin, TASK_SCHEMA, access("authenticated"));
		strict = define(admin, json("""
				{'type': 'object', 'additionalProperties': false,
				 'properties': {'title': {'type': 'string'}}}"""), access("authenticated"));
	}

	@Test
	void reservedFieldNamesAreRefusedAtAnyDepth() {
		String existing = document(free, create(user.token(), free, Map.of("title", "kept")).path("_id").asString());
		JsonNode before = Api.get(existing, user.token()).body();
		long count = count(user.token(), free, null);
		for (String body : List.of("{'_id': 'mine'}", "{'_version': 9}", "{'$set': {'a': 1}}", "{'a.b': 1}",
				"{'x': {'_y': 1}}", "{'x': {'y': {'$gt': ''}}}", "{'list': [{'ok': 1}, {'$where': 'x'}]}")) {
			String text = body.replace('\'', '"');
			Reply created = Api.post(documents(free), user.token(), text);
			assertProblem(created, 400, "invalid_document");
			assertThat(created.body().path("errors").isArray()).as(describe(created)).isTrue();
			assertProblem(Api.put(existing, user.token(), text), 400, "invalid_document");
			assertProblem(Api.call("PATCH", existing, user.token(),
					Map.of("Content-Type", "application/merge-patch+json"), text), 400, "invalid_document");
		}
		assertThat(count(user.token(), free, null)).isEqualTo(count);
		assertThat(Api.get(existing, user.token()).body()).isEqualTo(before);
	}

	@Test
	void bodiesThatAreNotObjectsOrTooDeepAreRefused() {
		long count = count(user.token(), free, null);
		for (String body : List.of("[1, 2]", "\"text\"", "42", "null", "{\"title\": ", "")) {
			Reply reply = Api.post(documents(free), user.token(), body);
			assertThat(reply.status()).as(describe(reply)).isEqualTo(400);
			assertThat(reply.contentType()).startsWith("application/problem+json");
		}
		assertProblem(Api.post(documents(free), user.token(), "[1, 2]"), 400, "invalid_document");
		assertProblem(Api.post(documents(free), user.token(), nested(33)), 400, "invalid_document");
		Reply veryDeep = Api.post(documents(free), user.token(), nested(5000));
		assertThat(veryDeep.status()).as(describe(veryDeep)).isEqualTo(400);
		assertThat(count(user.token(), free, null)).isEqualTo(count);
		assertThat(Api.post(documents(free), user.token(), nested(30)).status()).isEqualTo(201);
	}

	@Test
	void oversizedBodyIsRefusedWith413() {
		long count = count(user.token(), free, null);
		Reply reply = Api.post(documents(free), user.token(), Map.of("blob", "x".repeat(300 * 1024)));
		assertProblem(reply, 413, "payload_too_large");
		String existing = document(free, create(user.token(), free, Map.of("title", "small")).path("_id").asString());
		assertProblem(Api.put(existing, user.token(), Map.of("blob", "x".repeat(300 * 1024))), 413,
				"payload_too_large");
		assertThat(count(user.token(), free, null)).isEqualTo(count + 1);
		assertThat(Api.get(existing, user.token()).body().path("title").asString()).isEqualTo("small");
	}

	@Test
	void schemaViolationsAre422WithTheFieldPaths() {
		long count = count(user.token(), tasks, null);
		assertViolation(tasks, "{'title': 5}", "title");
		assertViolation(tasks, "{'priority': 1}", "title");
		assertViolation(tasks, "{'title': 'x', 'priority': 'high'}", "priority");
		assertViolation(tasks, "{'title': 'x', 'address': {'city': 5}}", "address.city");
		assertViolation(tasks, "{'title': 'x', 'tags': ['a', 5]}", "tags[1]");
		assertViolation(strict, "{'title': 'x', 'extra': 1}", "extra");
		assertThat(count(user.token(), tasks, null)).isEqualTo(count);
		assertThat(count(user.token(), strict, null)).isZero();

		JsonNode valid = create(user.token(), tasks, json("{'title': 'ok', 'priority': 1}"));
		String path = document(tasks, valid.path("_id").asString());
		Reply put = Api.put(path, user.token(), json("{'title': 'ok', 'priority': 'high'}"));
		assertProblem(put, 422, "validation_failed");
		Reply patch = Api.call("PATCH", path, user.token(), Map.of("Content-Type", "application/merge-patch+json"),
				"{\"title\": null}");
		assertProblem(patch, 422, "validation_failed");
		assertThat(fields(patch)).contains("title");
		assertThat(Api.get(path, user.token()).body()).isEqualTo(valid);
	}

	private static void assertViolation(String collection, String body, String field) {
		Reply reply = Api.post(documents(collection), user.token(), body.replace('\'', '"'));
		assertProblem(reply, 422, "validation_failed");
		assertThat(fields(reply)).as(describe(reply)).contains(field);
	}

	private static List<String> fields(Reply reply) {
		return reply.body().path("errors").valueStream().map((error) -> error.path("field").asString()).toList();
	}

	/** A document with {@code levels} objects nested below its root. */
	private static String nested(int levels) {
		return "{\"a\":".repeat(levels + 1) + "1" + "}".repeat(levels + 1);
	}

}
