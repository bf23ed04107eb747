package dev.keel.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.keel.system.Api.Reply;
import dev.keel.system.DataFixtures.User;

import static dev.keel.system.DataFixtures.access;
import static dev.keel.system.DataFixtures.assertProblem;
import static dev.keel.system.DataFixtures.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * File names that try to climb out of the storage folder ({@code ../x}, {@code %2e%2e/},
 * NUL, very long) are only names: nothing appears on disk but the service's own blobs
 * under {@code <state>/data/storage}, named by ids the service made.
 */
@ExtendWith(RunningPlatform.class)
class StorageNamesSystemTests {

	private static final String BLOB = "files/[0-9a-z_-]+/[0-9a-f]{24}";

	@Test
	void traversalNamesChangeNothingOnDiskOutsideTheStorageFolder() throws IOException {
		String admin = DataFixtures.admin().accessToken();
		String bucket = StorageFixtures.defineBucket(admin, access("authenticated"), Map.of());
		User user = DataFixtures.newUser();
		String marker = "keel-escape-" + UUID.randomUUID().toString().substring(0, 8);
		Path storage = RunningPlatform.keel.stateDir().resolve("data").resolve("storage");
		Set<String> before = blobs(storage);

		List<String> names = List.of("../" + marker, "../../../../" + marker, "%2e%2e/" + marker,
				"%2e%2e%2f%2e%2e%2f" + marker, "..\\..\\" + marker, "/tmp/" + marker);
		for (String name : names) {
			Reply stored = StorageFixtures.uploadRaw(user.token(), bucket, name, "text/plain", marker.getBytes());
			assertThat(stored.status()).as(describe(stored)).isEqualTo(201);
			assertThat(stored.field("name")).isEqualTo(name);
		}
		Reply multipart = StorageFixtures.uploadMultipart(user.token(), bucket, "../" + marker, "text/plain",
				marker.getBytes());
		assertThat(multipart.status()).as(describe(multipart)).isEqualTo(201);
		assertProblem(
				StorageFixtures.uploadRaw(user.token(), bucket, marker + "\u0000.txt", "text/plain", marker.getBytes()),
				400, "validation_failed");
		assertProblem(StorageFixtures.uploadRaw(user.token(), bucket, "../".repeat(100) + marker, "text/plain",
				marker.getBytes()), 400, "validation_failed");
		Reply huge = StorageFixtures.uploadRaw(user.token(), bucket, "../".repeat(3000) + marker, "text/plain",
				marker.getBytes());
		assertThat(huge.status()).as(describe(huge)).isEqualTo(400);

		Set<String> added = blobs(storage);
		added.removeAll(before);
		assertThat(added).hasSize(names.size() + 1).allMatch((blob) -> blob.matches(BLOB));
		Path home = RunningPlatform.keel.home();
		assertThat(named(RunningPlatform.keel.stateDir(), 2, marker)).isEmpty();
		assertThat(named(home, 2, marker)).isEmpty();
		assertThat(named(home.getParent(), 1, marker)).isEmpty();
		assertThat(named(Path.of(System.getProperty("java.io.tmpdir")), 1, marker)).isEmpty();
		assertThat(named(Path.of("/"), 1, marker)).isEmpty();
		assertThat(StorageFixtures.listedIds(user.token(), bucket)).hasSize(names.size() + 1);
	}

	/** The blobs in the storage folder, as paths relative to it. */
	private static Set<String> blobs(Path storage) throws IOException {
		try (Stream<Path> files = Files.walk(storage)) {
			return files.filter(Files::isRegularFile)
				.map((file) -> storage.relativize(file).toString())
				.filter((file) -> !file.startsWith(".incoming"))
				.collect(Collectors.toSet());
		}
	}

	/**
	 * Files and folders down to {@code depth} levels under {@code root} whose name
	 * contains the marker (where a name climbing out of the storage folder would land).
	 */
	private static List<Path> named(Path root, int depth, String marker) throws IOException {
		try (Stream<Path> files = Files.find(root, depth,
				(path, attributes) -> path.getFileName() != null && path.getFileName().toString().contains(marker))) {
			return files.toList();
		}
	}

}
