package dev.keel.storage.object;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.keel.storage.StorageServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

class DownloadIntegrationTests extends StorageServiceTest {

	@Test
	void ownerOnlyFilesDoNotExistForOtherUsers() {
		String bucket = bucket(access("owner", "authenticated", "owner"));
		String mine = uploadRaw(bucket, "mine.txt", bytes("mine"), "text/plain", user("alice")).json()
			.path("id")
			.asString();
		String theirs = uploadRaw(bucket, "theirs.txt", bytes("theirs"), "text/plain", user("bob")).json()
			.path("id")
			.asString();
		String objects = "/api/storage/buckets/" + bucket + "/objects";

		assertThat(get(objects + "/" + theirs, user("alice")).code()).isEqualTo("object_not_found");
		assertThat(get(objects + "/" + theirs + "/content", user("alice")).status()).isEqualTo(404);
		assertThat(delete(objects + "/" + theirs, user("alice")).status()).isEqualTo(404);
		assertThat(post(objects + "/" + theirs + "/signed-url", user("alice"), Map.of("expiresIn", 60)).status())
			.isEqualTo(404);
		assertThat(get(objects, user("alice")).json().path("items").findValuesAsString("id")).containsExactly(mine);
		assertThat(get(objects, admin()).json().path("items").findValuesAsString("id")).containsExactly(mine, theirs);
		assertThat(get(objects + "/" + mine, user("alice")).json().path("name").asString()).isEqualTo("mine.txt");
		assertThat(get(objects, null).status()).isEqualTo(401);
		assertThat(get(objects + "/" + mine + "/content", null).status()).isEqualTo(401);
	}

	@Test
	void aPublicBucketIsReadableWithoutAToken() {
		String bucket = bucket(access("public", "authenticated", "owner"));
		String id = uploadRaw(bucket, "hello.txt", bytes("hello"), "text/plain", user("alice")).json()
			.path("id")
			.asString();

		Reply content = get("/api/storage/buckets/" + bucket + "/objects/" + id + "/content", null);

		assertThat(content.status()).isEqualTo(200);
		assertThat(content.text()).isEqualTo("hello");
		assertThat(content.header("Content-Type")).startsWith("text/plain");
		assertThat(content.header("Content-Disposition"))
			.isEqualTo("inline; filename=\"hello.txt\"; filename*=UTF-8''hello.txt");
		assertThat(content.header("Cache-Control")).isEqualTo("public, max-age=0, must-revalidate");
		assertThat(get("/api/storage/buckets/" + bucket + "/objects/" + id, null).json().path("size").asLong())
			.isEqualTo(5);
		assertThat(get("/api/storage/buckets/" + bucket + "/objects", null).json().path("items")).hasSize(1);
	}

	@Test
	void rangesAnswerPartialContentOrRangeNotSatisfiable() {
		String bucket = bucket(access("public", "public", "public"));
		byte[] content = randomBytes(10_000, 4);
		String path = "/api/storage/buckets/" + bucket + "/objects/"
				+ uploadRaw(bucket, "r.bin", content, "application/octet-stream", null).json().path("id").asString()
				+ "/content";

		Reply middle = get(path, null, Map.of("Range", "bytes=100-199"));
		Reply tail = get(path, null, Map.of("Range", "bytes=-10"));
		Reply open = get(path, null, Map.of("Range", "bytes=9990-"));
		Reply outside = get(path, null, Map.of("Range", "bytes=10000-"));
		Reply several = get(path, null, Map.of("Range", "bytes=0-1,5-6"));

		assertThat(middle.status()).isEqualTo(206);
		assertThat(middle.header("Content-Range")).isEqualTo("bytes 100-199/10000");
		assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(content, 100, 200));
		assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(content, 9990, 10000));
		assertThat(open.header("Content-Range")).isEqualTo("bytes 9990-9999/10000");
		assertThat(outside.status()).isEqualTo(416);
		assertThat(outside.code()).isEqualTo("range_not_satisfiable");
		assertThat(outside.header("Content-Range")).isEqualTo("bytes */10000");
		assertThat(several.status()).isEqualTo(200);
		assertThat(several.body()).isEqualTo(content);
		assertThat(get(path, null, Map.of("Range", "bytes=0-9", "If-Range", "\"other\"")).status()).isEqualTo(200);
	}

	@Test
	void aMatchingEntityTagAnswersNotModified() {
		String bucket = bucket(access("authenticated", "authenticated", "owner"));
		Reply uploaded = uploadRaw(bucket, "e.txt", bytes("etag"), "text/plain", user("alice"));
		String path = "/api/storage/buckets/" + bucket + "/objects/" + uploaded.json().path("id").asString()
				+ "/content";
		String etag = uploaded.header("ETag");

		Reply same = get(path, user("alice"), Map.of("If-None-Match", etag));
		Reply other = get(path, user("alice"), Map.of("If-None-Match", "\"abc\""));

		assertThat(same.status()).isEqualTo(304);
		assertThat(same.body()).isEmpty();
		assertThat(same.header("ETag")).isEqualTo(etag);
		assertThat(other.status()).isEqualTo(200);
		assertThat(other.header("ETag")).isEqualTo(etag);
		assertThat(other.header("Cache-Control")).isEqualTo("private, no-cache");
	}

	@Test
	void htmlAndSvgAreServedAsSandboxedAttachments() {
		String bucket = bucket(access("public", "public", "public"));
		String page = uploadRaw(bucket, "page.html", bytes("<html><body><script>alert(document.cookie)</script>"),
				"text/plain", null)
			.json()
			.path("id")
			.asString();
		String svg = uploadRaw(bucket, "pic.svg", bytes(
				"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
				"image/png", null)
			.json()
			.path("id")
			.asString();

		Reply html = get("/api/storage/buckets/" + bucket + "/objects/" + page + "/content", null);
		Reply image = get("/api/storage/buckets/" + bucket + "/objects/" + svg + "/content", null);

		assertThat(html.header("Content-Type")).startsWith("text/html");
		assertThat(html.header("Content-Disposition")).startsWith("attachment; ");
		assertThat(html.header("Content-Security-Policy")).isEqualTo("sandbox");
		assertThat(html.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(image.header("Content-Type")).startsWith("image/svg+xml");
		assertThat(image.header("Content-Disposition")).startsWith("attachment; ");
		assertThat(image.header("Content-Security-Policy")).isEqualTo("sandbox");
	}

	@Test
	void headAnswersTheHeadersWithoutTheBody() {
		String bucket = bucket(access("public", "public", "public"));
		String id = uploadRaw(bucket, "naïve résumé.txt", bytes("12345"), "text/plain", null).json()
			.path("id")
			.asString();

		Reply head = send("HEAD", "/api/storage/buckets/" + bucket + "/objects/" + id + "/content", null,
				BodyPublishers.noBody(), Map.of());

		assertThat(head.status()).isEqualTo(200);
		assertThat(head.header("Content-Length")).isEqualTo("5");
		assertThat(head.header("Content-Disposition"))
			.isEqualTo("inline; filename=\"na_ve r_sum_.txt\"; filename*=UTF-8''na%C3%AFve%20r%C3%A9sum%C3%A9.txt");
		assertThat(head.body()).isEmpty();
	}

	@Test
	void listingsFilterByPrefixAndPageWithACursor() {
		String bucket = bucket(access("public", "public", "public"));
		for (String name : new String[] { "photos/a.txt", "photos/b.txt", "docs/c.txt", "photos/d.txt" }) {
			uploadRaw(bucket, name, bytes(name), "text/plain", null);
		}
		String objects = "/api/storage/buckets/" + bucket + "/objects";

		JsonNode first = get(objects + "?prefix=photos/&limit=2", null).json();
		JsonNode second = get(objects + "?prefix=photos/&limit=2&cursor=" + first.path("nextCursor").asString(), null)
			.json();

		assertThat(first.path("items").findValuesAsString("name")).containsExactly("photos/a.txt", "photos/b.txt");
		assertThat(second.path("items").findValuesAsString("name")).containsExactly("photos/d.txt");
		assertThat(second.path("nextCursor").isNull()).isTrue();
		assertThat(get(objects + "?limit=101", null).code()).isEqualTo("invalid_limit");
		assertThat(get(objects + "?cursor=bm9wZQ", null).code()).isEqualTo("invalid_cursor");
		assertThat(get(objects + "?prefix=" + encode(".*"), null).json().path("items")).isEmpty();
	}

	@Test
	void aDeletedObjectIsGoneWithItsBlob() {
		String bucket = bucket(access("public", "public", "authenticated"));
		int before = blobFiles().size();
		String id = uploadRaw(bucket, "gone.txt", bytes("bye"), "text/plain", null).json().path("id").asString();
		String path = "/api/storage/buckets/" + bucket + "/objects/" + id;

		assertThat(delete(path, null).status()).isEqualTo(401);
		assertThat(delete(path, user("bob")).status()).isEqualTo(204);

		assertThat(get(path, null).code()).isEqualTo("object_not_found");
		assertThat(get(path + "/content", null).status()).isEqualTo(404);
		assertThat(delete(path, user("bob")).status()).isEqualTo(404);
		assertThat(blobFiles()).hasSize(before);
		assertThat(get("/api/storage/buckets/" + bucket + "/objects/..%2F..%2Fx", null).status()).isIn(400, 404);
		assertThat(get("/api/storage/buckets/" + bucket + "/objects/.." + id, null).status()).isEqualTo(404);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
