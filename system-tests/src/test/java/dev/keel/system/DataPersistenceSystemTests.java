package dev.keel.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;
import dev.keel.system.DataEvents.Event;
import dev.keel.system.KeelCli.Result;

import static dev.keel.system.DataFixtures.access;
import static dev.keel.system.DataFixtures.collection;
import static dev.keel.system.DataFixtures.describe;
import static dev.keel.system.DataFixtures.document;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user stored survives {@code keel stop} and the next {@code keel run} (without
 * {@code --clean}): accounts, collection definitions, documents with their versions, the
 * events already published, and files with their bytes. It restarts the whole platform,
 * so it runs just before {@link PlatformSystemTests}, which then checks the restarted
 * platform.
 */
@ExtendWith(RunningPlatform.class)
@Order(Integer.MAX_VALUE - 1)
class DataPersistenceSystemTests {

	@Test
	void accountsDefinitionsDocumentsAndFilesOutliveARestart() throws Exception {
		String admin = DataFixtures.admin().accessToken();
		String email = Accounts.newEmail();
		String userId = Accounts.signUp(email);
		String token = Accounts.login(email, Accounts.PASSWORD).accessToken();
		String notes = DataFixtures.define(admin, DataFixtures.TASK_SCHEMA, access("owner"));
		String id = DataFixtures.create(token, notes, Map.of("title", "remember me", "tags", List.of("a")))
			.path("_id")
			.asString();
		Reply patched = patch(document(notes, id), token, "{\"priority\": 1}");
		assertThat(patched.status()).as(describe(patched)).isEqualTo(200);
		JsonNode definition = Api.get(collection(notes), token).body();
		String files = StorageFixtures.defineBucket(admin, access("owner"), Map.of());
		byte[] bytes = StorageFixtures.randomBytes(300_000);
		JsonNode file = StorageFixtures.upload(token, files, "kept.bin", bytes);
		String fileId = file.path("id").asString();

		Result stop = RunningPlatform.keel.run("stop");
		assertThat(stop.exitCode()).as(stop.output()).isZero();
		Result run = RunningPlatform.keel.run(RunningPlatform.run(false));
		System.out.println(run.output());
		assertThat(run.exitCode()).as(run.output()).isZero();

		String again = Accounts.login(email, Accounts.PASSWORD).accessToken();
		Reply read = Api.get(document(notes, id), again);
		assertThat(read.status()).as(describe(read)).isEqualTo(200);
		assertThat(read.body()).isEqualTo(patched.body());
		assertThat(read.header("ETag")).isEqualTo("\"2\"");
		assertThat(Api.get(collection(notes), again).body()).isEqualTo(definition);
		assertThat(DataFixtures.count(again, notes, "title==remember*")).isOne();
		assertThat(DataFixtures.count(again, notes, "_owner==" + userId)).isOne();
		assertThat(Api.get(StorageFixtures.object(files, fileId), again).body()).isEqualTo(file);
		HttpResponse<byte[]> kept = StorageFixtures.download(StorageFixtures.content(files, fileId), again);
		assertThat(kept.statusCode()).isEqualTo(200);
		assertThat(kept.body()).isEqualTo(bytes);

		Reply afterwards = patch(document(notes, id), again, "{\"priority\": 2}");
		assertThat(afterwards.status()).as(describe(afterwards)).isEqualTo(200);
		assertThat(afterwards.header("ETag")).isEqualTo("\"3\"");
		List<Event> events = DataEvents.read(DataEvents.documentsIn(notes), 3, Duration.ofSeconds(60),
				Duration.ofSeconds(2));
		assertThat(events).extracting((event) -> event.data().path("version").asLong()).containsExactly(1L, 2L, 3L);
	}

	private static Reply patch(String path, String token, String body) {
		return Api.call("PATCH", path, token, Map.of("Content-Type", "application/merge-patch+json"), body);
	}

}
