package dev.keel.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static dev.keel.system.DataFixtures.access;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1 GiB file up and down through the gateway, generated and hashed while it streams: it
 * arrives whole and the resident memory of the gateway and storage-service stays flat
 * (the figures are printed for the notes).
 */
@ExtendWith(RunningPlatform.class)
class StorageStreamingSystemTests {

	private static final long SIZE = 1024L * 1024 * 1024;

	/** Far below the file's size: neither process may hold the file in memory. */
	private static final long MAX_GROWTH = 256L * 1024 * 1024;

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void aGibibyteGoesUpAndDownWholeWithTheGatewayAndStorageServiceFlat() throws Exception {
		String admin = DataFixtures.admin().accessToken();
		String bucket = StorageFixtures.defineBucket(admin, access("owner", "authenticated", "owner", "owner"),
				Map.of());
		String token = DataFixtures.newUser().token();
		MessageDigest sent = MessageDigest.getInstance("SHA-256");
		Map<String, Long> pids = pids();

		long started = System.nanoTime();
		HttpResponse<String> uploaded;
		try (ProcessMemory memory = new ProcessMemory(pids)) {
			uploaded = http.send(HttpRequest
				.newBuilder(URI.create(Api.GATEWAY + StorageFixtures.objects(bucket) + "?name=big.bin"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/octet-stream")
				.timeout(Duration.ofMinutes(5))
				.POST(BodyPublishers.fromPublisher(
						BodyPublishers.ofInputStream(() -> new DigestInputStream(new Generated(SIZE), sent)), SIZE))
				.build(), BodyHandlers.ofString());
			memory.close();
			System.out.printf("1 GiB upload through the gateway: %.1f s%n", seconds(started));
			System.out.print(memory.report("upload"));
			assertFlat(memory, pids);
		}
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		JsonNode file = Api.json.readTree(uploaded.body());
		String sha256 = HexFormat.of().formatHex(sent.digest());
		assertThat(file.path("size").asLong()).isEqualTo(SIZE);
		assertThat(file.path("sha256").asString()).isEqualTo(sha256);

		String path = StorageFixtures.content(bucket, file.path("id").asString());
		started = System.nanoTime();
		try (ProcessMemory memory = new ProcessMemory(pids)) {
			MessageDigest received = MessageDigest.getInstance("SHA-256");
			HttpResponse<InputStream> download = http.send(HttpRequest.newBuilder(URI.create(Api.GATEWAY + path))
				.header("Authorization", "Bearer " + token)
				.timeout(Duration.ofMinutes(5))
				.build(), BodyHandlers.ofInputStream());
			assertThat(download.statusCode()).isEqualTo(200);
			long length;
			try (InputStream body = new DigestInputStream(download.body(), received)) {
				length = body.transferTo(OutputStream.nullOutputStream());
			}
			memory.close();
			System.out.printf("1 GiB download through the gateway: %.1f s%n", seconds(started));
			System.out.print(memory.report("download"));
			assertThat(length).isEqualTo(SIZE);
			assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(sha256);
			assertFlat(memory, pids);
		}
		assertThat(Api.delete(StorageFixtures.object(bucket, file.path("id").asString()), token).status())
			.isEqualTo(204);
	}

	private static void assertFlat(ProcessMemory memory, Map<String, Long> pids) {
		pids.keySet()
			.forEach((name) -> assertThat(memory.growth(name)).as(name + " RSS growth").isLessThan(MAX_GROWTH));
	}

	/** The pids of the gateway and storage-service, from {@code keel status}. */
	private static Map<String, Long> pids() throws Exception {
		Map<String, Long> pids = new LinkedHashMap<>();
		for (JsonNode component : RunningPlatform.components()) {
			String name = component.path("name").asString();
			if (name.startsWith("gateway") || name.startsWith("storage-service")) {
				pids.put(name, component.path("pid").asLong());
			}
		}
		assertThat(pids).hasSize(2);
		return pids;
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	/** {@code size} pseudo-random bytes, made as they are read. */
	private static final class Generated extends InputStream {

		private final SplittableRandom random = new SplittableRandom(16);

		private long remaining;

		Generated(long size) {
			this.remaining = size;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] bytes, int offset, int length) {
			if (this.remaining == 0) {
				return -1;
			}
			int count = (int) Math.min(length, this.remaining);
			for (int i = 0; i < count; i += 8) {
				long next = this.random.nextLong();
				for (int j = i; j < Math.min(i + 8, count); j++) {
					bytes[offset + j] = (byte) (next >>> (8 * (j - i)));
				}
			}
			this.remaining -= count;
			return count;
		}

		@Override
		public void close() throws IOException {
			this.remaining = 0;
		}

	}

}
