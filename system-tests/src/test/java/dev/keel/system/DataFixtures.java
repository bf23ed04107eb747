package dev.keel.system;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import dev.keel.system.Accounts.Session;
import dev.keel.system.Api.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Collections, documents and users for the data-service journeys (API.md §4), created
 * through the gateway as a client app would.
 */
final class DataFixtures {

	static final String COLLECTIONS = "/api/data/collections/";

	/** A timestamp as the API writes it: RFC 3339, UTC, milliseconds. */
	static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

	/** Tasks: a title is required; the other fields are typed when present. */
	static final JsonNode TASK_SCHEMA = json("""
			{'type': 'object', 'required': ['title'], 'properties': {
			  'title': {'type': 'string'}, 'priority': {'type': 'integer'}, 'done': {'type': 'boolean'},
			  'note': {'type': 'string'}, 'dueAt': {'type': 'string', 'format': 'date-time'},
			  'address': {'type': 'object', 'properties': {'city': {'type': 'string'}}},
			  'tags': {'type': 'array', 'items': {'type': 'string'}}}}""");

	private DataFixtures() {
	}

	/** JSON written with single quotes, which keeps it readable inside Java strings. */
	static JsonNode json(String text) {
		return Api.json.readTree(text.replace('\'', '"'));
	}

	static String newCollectionName() {
		return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	static Map<String, String> access(String read, String create, String update, String delete) {
		Map<String, String> access = new LinkedHashMap<>();
		access.put("read", read);
		access.put("create", create);
		access.put("update", update);
		access.put("delete", delete);
		return access;
	}

	static Map<String, String> access(String rule) {
		return access(rule, rule, rule, rule);
	}

	static Map<String, Object> definition(JsonNode schema, Map<String, String> access) {
		Map<String, Object> definition = new LinkedHashMap<>();
		if (schema != null) {
			definition.put("schema", schema);
		}
		definition.put("access", access);
		return definition;
	}

	/** Defines a new collection as the admin and returns its name. */
	static String define(String admin, JsonNode schema, Map<String, String> access) {
		String name = newCollectionName();
		Reply reply = Api.put(collection(name), admin, definition(schema, access));
		assertThat(reply.status()).as(describe(reply)).isEqualTo(201);
		return name;
	}

	static String collection(String name) {
		return COLLECTIONS + name;
	}

	static String documents(String collection) {
		return COLLECTIONS + collection + "/documents";
	}

	static String document(String collection, String id) {
		return documents(collection) + "/" + id;
	}

	/** Creates a document, which must succeed, and returns it as the API answered. */
	static JsonNode create(String bearer, String collection, Object document) {
		Reply reply = Api.post(documents(collection), bearer, document);
		assertThat(reply.status()).as(describe(reply)).isEqualTo(201);
		return reply.body();
	}

	/** A query; {@code parameters} are name and value pairs, encoded here. */
	static Reply query(String bearer, String collection, String... parameters) {
		return Api.get(documents(collection) + queryString(parameters), bearer);
	}

	static Reply countReply(String bearer, String collection, String filter) {
		String query = (filter != null) ? queryString("filter", filter) : "";
		return Api.get(COLLECTIONS + collection + "/count" + query, bearer);
	}

	static long count(String bearer, String collection, String filter) {
		Reply reply = countReply(bearer, collection, filter);
		assertThat(reply.status()).as(describe(reply)).isEqualTo(200);
		return reply.body().path("count").asLong(-1);
	}

	/** Every page of a query, following {@code nextCursor} until it is null. */
	static List<JsonNode> allPages(String bearer, String collection, String... parameters) {
		List<JsonNode> items = new ArrayList<>();
		String cursor = null;
		for (int page = 0; page < 1000; page++) {
			List<String> all = new ArrayList<>(List.of(parameters));
			if (cursor != null) {
				all.addAll(List.of("cursor", cursor));
			}
			Reply reply = query(bearer, collection, all.toArray(String[]::new));
			assertThat(reply.status()).as(describe(reply)).isEqualTo(200);
			reply.body().path("items").forEach(items::add);
			cursor = reply.body().path("nextCursor").asString(null);
			if (cursor == null) {
				return items;
			}
		}
		throw new AssertionError("More than 1000 pages");
	}

	static List<String> ids(List<JsonNode> documents) {
		return documents.stream().map((document) -> document.path("_id").asString()).toList();
	}

	static List<String> titles(Reply reply) {
		assertThat(reply.status()).as(describe(reply)).isEqualTo(200);
		List<String> titles = new ArrayList<>();
		reply.body().path("items").forEach((item) -> titles.add(item.path("title").asString()));
		return titles;
	}

	static String queryString(String... parameters) {
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < parameters.length; i += 2) {
			query.append((i == 0) ? '?' : '&').append(parameters[i]).append('=').append(encode(parameters[i + 1]));
		}
		return query.toString();
	}

	/**
	 * Percent-encodes a query value as JavaScript's {@code encodeURIComponent} does, the
	 * way most client apps send it: parentheses stay as they are, {@code = ; ,} do not.
	 */
	static String encode(String value) {
		StringBuilder encoded = new StringBuilder();
		value.codePoints().forEach((c) -> {
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "-_.!~*'()".indexOf(c) >= 0) {
				encoded.appendCodePoint(c);
			}
			else {
				encoded.append(URLEncoder.encode(Character.toString(c), StandardCharsets.UTF_8).replace("+", "%20"));
			}
		});
		return encoded.toString();
	}

	/** Signs up a new user and logs them in. */
	static User newUser() {
		String email = Accounts.newEmail();
		String id = Accounts.signUp(email);
		return new User(id, Accounts.login(email, Accounts.PASSWORD).accessToken());
	}

	static Session admin() {
		return Accounts.admin();
	}

	/** The admin's user id, the {@code sub} of the admin's tokens. */
	static String adminId(String admin) {
		Reply me = Api.get("/api/auth/me", admin);
		assertThat(me.status()).as(describe(me)).isEqualTo(200);
		return me.field("id");
	}

	/** A Location header resolved against the gateway, whether relative or absolute. */
	static String resolve(String location) {
		return URI.create(Api.GATEWAY + "/").resolve(location).toString();
	}

	/** An RFC 9457 problem with Keel's code. */
	static void assertProblem(Reply reply, int status, String code) {
		assertThat(reply.status()).as(describe(reply)).isEqualTo(status);
		assertThat(reply.contentType()).as(describe(reply)).startsWith("application/problem+json");
		assertThat(reply.field("code")).as(describe(reply)).isEqualTo(code);
	}

	static String describe(Reply reply) {
		return reply.response().request().method() + " " + reply.response().uri() + " -> " + reply.status() + " "
				+ reply.response().body();
	}

	/** A user and a fresh access token of theirs. */
	record User(String id, String token) {
	}

}
