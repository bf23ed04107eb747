package dev.keel.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;
import dev.keel.system.DataEvents.Event;
import dev.keel.system.DataFixtures.User;
import dev.keel.system.KeelCli.Result;

import static dev.keel.system.DataFixtures.access;
import static dev.keel.system.DataFixtures.create;
import static dev.keel.system.DataFixtures.define;
import static dev.keel.system.DataFixtures.describe;
import static dev.keel.system.DataFixtures.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Document changes on {@code keel.data.events} (API.md §3): CloudEvents keyed by
 * {@code collection/id} that carry the document, and the outbox guarantee: writes keep
 * succeeding while Kafka is down, and every one of them is published once it is back.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 90)
class DataEventsSystemTests {

	private static String admin;

	private static User user;

	@BeforeAll
	static void sessions() {
		admin = DataFixtures.admin().accessToken();
		user = DataFixtures.newUser();
	}

	@Test
	void createUpdateAndDeleteArePublishedAsCloudEvents() {
		String notes = define(admin, null, access("owner"));
		JsonNode created = create(user.token(), notes, Map.of("title", "a", "n", 1));
		String id = created.path("_id").asString();
		String path = document(notes, id);
		Reply patched = Api.call("PATCH", path, user.token(), Map.of("Content-Type", "application/merge-patch+json"),
				"{\"n\": 2, \"tag\": \"x\", \"title\": \"a\"}");
		assertThat(patched.status()).as(describe(patched)).isEqualTo(200);
		Reply deleted = Api.delete(path, admin);
		assertThat(deleted.status()).as(describe(deleted)).isEqualTo(204);

		List<Event> events = DataEvents.read(DataEvents.documentsIn(notes), 3, Duration.ofSeconds(60),
				Duration.ofSeconds(2));
		assertThat(events).extracting(Event::type)
			.containsExactly("keel.document.created", "keel.document.updated", "keel.document.deleted");
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.key()).isEqualTo(notes + "/" + id);
			assertThat(event.value().path("specversion").asString()).isEqualTo("1.0");
			assertThat(event.value().path("source").asString()).isEqualTo("/keel/data-service");
			assertThat(event.value().path("subject").asString()).isEqualTo(notes + "/" + id);
			assertThat(event.value().path("datacontenttype").asString()).isEqualTo("application/json");
			assertThat(event.value().path("time").asString())
				.matches(DataFixtures.TIMESTAMP.replace("\\.\\d{3}", "(\\.\\d+)?"));
			assertThat(event.id()).isNotBlank();
			assertThat(event.data().path("collection").asString()).isEqualTo(notes);
			assertThat(event.data().path("documentId").asString()).isEqualTo(id);
			assertThat(event.data().path("owner").asString()).isEqualTo(user.id());
			assertThat(event.data().path("readRule").asString()).isEqualTo("owner");
		});
		JsonNode onCreate = events.get(0).data();
		assertThat(onCreate.path("version").asLong()).isEqualTo(1);
		assertThat(onCreate.path("actor").asString()).isEqualTo(user.id());
		assertThat(names(onCreate.path("changedFields"))).containsExactlyInAnyOrder("title", "n");
		assertThat(onCreate.path("document")).isEqualTo(created);
		JsonNode onUpdate = events.get(1).data();
		assertThat(onUpdate.path("version").asLong()).isEqualTo(2);
		assertThat(names(onUpdate.path("changedFields"))).containsExactlyInAnyOrder("n", "tag");
		assertThat(onUpdate.path("document")).isEqualTo(patched.body());
		JsonNode onDelete = events.get(2).data();
		assertThat(onDelete.path("version").asLong()).isEqualTo(2);
		assertThat(onDelete.path("actor").asString()).isEqualTo(DataFixtures.adminId(admin));
		assertThat(events.stream().map(Event::id).distinct()).hasSize(3);
	}

	@Test
	void writesDuringAKafkaOutageSucceedAndArePublishedExactlyOnceInOrder() throws Exception {
		String orders = define(admin, null, access("authenticated"));
		Result stopped = RunningPlatform.keel.run("stop", "kafka");
		assertThat(stopped.exitCode()).as(stopped.output()).isZero();
		Map<String, List<Long>> written = new LinkedHashMap<>();
		try {
			for (int i = 0; i < 20; i++) {
				JsonNode order = create(user.token(), orders, Map.of("item", "book-" + i, "step", 0));
				String id = order.path("_id").asString();
				List<Long> versions = new ArrayList<>(List.of(order.path("_version").asLong()));
				for (int step = 1; step <= 4; step++) {
					Reply updated = Api.put(document(orders, id), user.token(),
							Map.of("item", "book-" + i, "step", step));
					assertThat(updated.status()).as(describe(updated)).isEqualTo(200);
					versions.add(updated.body().path("_version").asLong());
				}
				written.put(id, versions);
			}
		}
		finally {
			Result started = RunningPlatform.keel.run("start", "kafka");
			assertThat(started.exitCode()).as(started.output()).isZero();
		}

		List<Event> events = DataEvents.read(DataEvents.documentsIn(orders), 100, Duration.ofSeconds(120),
				Duration.ofSeconds(5));
		assertThat(events).hasSize(100);
		assertThat(events.stream().map(Event::id).collect(Collectors.toSet())).hasSize(100);
		Map<String, List<Long>> published = new LinkedHashMap<>();
		for (Event event : events) {
			published.computeIfAbsent(event.data().path("documentId").asString(), (id) -> new ArrayList<>())
				.add(event.data().path("version").asLong());
			assertThat(event.key()).isEqualTo(orders + "/" + event.data().path("documentId").asString());
		}
		assertThat(published).isEqualTo(written);
		assertThat(written.values()).allSatisfy((versions) -> assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L));
		assertThat(events.stream().map(Event::type).collect(Collectors.toSet()))
			.isEqualTo(Set.of("keel.document.created", "keel.document.updated"));
		awaitDataRouted();
	}

	/** Later classes need the platform whole again: data routed and events flowing. */
	private static void awaitDataRouted() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (Api.get("/api/data/collections", user.token()).status() != 200) {
			if (System.nanoTime() > deadline) {
				fail("data-service was not routed again within 60 s");
			}
			Thread.sleep(200);
		}
	}

	private static List<String> names(JsonNode array) {
		List<String> names = new ArrayList<>();
		array.forEach((name) -> names.add(name.asString()));
		return names;
	}

}
