package dev.keel.storage.bucket;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.keel.storage.StorageServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

class BucketIntegrationTests extends StorageServiceTest {

	@Test
	void anAdminDefinesABucketThenReplacesItKeepingItsFiles() {
		Reply created = put("/api/storage/buckets/avatars", admin(),
				"{\"access\":{\"read\":\"public\",\"create\":\"authenticated\",\"update\":\"owner\",\"delete\":\"owner\"},"
						+ "\"maxFileSize\":1000000,\"allowedTypes\":[\"image/*\"],\"thumbnails\":[\"200x200\"],"
						+ "\"quotaPerUser\":5000000}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/storage/buckets/avatars");
		JsonNode view = created.json();
		assertThat(view.path("name").asString()).isEqualTo("avatars");
		assertThat(view.path("access").path("read").asString()).isEqualTo("public");
		assertThat(view.path("maxFileSize").asLong()).isEqualTo(1000000);
		assertThat(view.path("allowedTypes").get(0).asString()).isEqualTo("image/*");
		assertThat(view.path("thumbnails").get(0).asString()).isEqualTo("200x200");
		assertThat(view.path("quotaPerUser").asLong()).isEqualTo(5000000);
		byte[] png = PNG_HEADER;
		assertThat(uploadRaw("avatars", "me.png", png, "image/png", user("user-1")).status()).isEqualTo(201);

		Reply replaced = put("/api/storage/buckets/avatars", admin(),
				"{\"access\":{\"read\":\"authenticated\",\"create\":\"authenticated\",\"update\":\"owner\",\"delete\":\"owner\"}}");

		assertThat(replaced.status()).isEqualTo(200);
		assertThat(replaced.json().path("createdAt").asString()).isEqualTo(view.path("createdAt").asString());
		assertThat(replaced.json().path("maxFileSize").asLong()).isEqualTo(64L * 1024 * 1024);
		assertThat(replaced.json().path("allowedTypes")).isEmpty();
		assertThat(get("/api/storage/buckets/avatars/objects", user("user-1")).json().path("items")).hasSize(1);
		assertThat(get("/api/storage/buckets/avatars", user("user-2")).json().path("access").path("read").asString())
			.isEqualTo("authenticated");
	}

	@Test
	void everyUserWithATokenListsBucketsInPagesByName() {
		bucket(access("public", "authenticated", "owner"));
		bucket(access("public", "authenticated", "owner"));

		Reply first = get("/api/storage/buckets?limit=1", user("user-1"));
		Reply second = get("/api/storage/buckets?limit=1&cursor=" + first.json().path("nextCursor").asString(),
				user("user-1"));

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().path("items")).hasSize(1);
		assertThat(second.json().path("items").get(0).path("name").asString())
			.isGreaterThan(first.json().path("items").get(0).path("name").asString());
		assertThat(get("/api/storage/buckets", null).status()).isEqualTo(401);
		assertThat(get("/api/storage/buckets?limit=101", user("user-1")).code()).isEqualTo("invalid_limit");
	}

	@Test
	void onlyAdminsDefineOrDeleteBuckets() {
		String name = bucket(access("public", "public", "public"));
		String body = "{\"access\":{\"read\":\"public\",\"create\":\"public\",\"update\":\"public\",\"delete\":\"public\"}}";

		assertThat(put("/api/storage/buckets/mine", user("user-1"), body).status()).isEqualTo(403);
		assertThat(put("/api/storage/buckets/mine", null, body).status()).isEqualTo(401);
		assertThat(delete("/api/storage/buckets/" + name, user("user-1")).status()).isEqualTo(403);
		assertThat(get("/api/storage/buckets/mine", user("user-1")).code()).isEqualTo("bucket_not_found");
	}

	@Test
	void anInvalidDefinitionNamesEveryBadField() {
		Reply reply = put("/api/storage/buckets/Bad.Name", admin(),
				"{\"access\":{\"read\":\"everyone\",\"create\":\"public\",\"update\":\"public\"},\"maxFileSize\":0,"
						+ "\"allowedTypes\":[\"images\"],\"thumbnails\":[\"5000x10\"],\"quotaPerUser\":-1}");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("validation_failed");
		assertThat(reply.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name",
				"access.read", "access.delete", "maxFileSize", "allowedTypes[0]", "thumbnails[0]", "quotaPerUser");
		assertThat(put("/api/storage/buckets/ok", admin(), "{\"access\":{}, \"unknown\":1}").code())
			.isEqualTo("validation_failed");
		assertThat(put("/api/storage/buckets/ok", admin(), "not json").code()).isEqualTo("malformed_request");
		assertThat(put("/api/storage/buckets/ok", admin(),
				"{\"access\":{\"read\":\"public\",\"create\":\"public\",\"update\":\"public\",\"delete\":\"public\"},"
						+ "\"maxFileSize\":68719476736}")
			.json()
			.path("errors")
			.findValuesAsString("field")).containsExactly("maxFileSize");
	}

	@Test
	void deletingABucketRemovesItsFilesMetadataAndBlobs() {
		String name = bucket(access("public", "public", "public"));
		List<java.nio.file.Path> before = blobFiles();
		String id = uploadRaw(name, "a.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain", null).json()
			.path("id")
			.asString();
		assertThat(blobFiles()).hasSize(before.size() + 1);

		assertThat(delete("/api/storage/buckets/" + name, admin()).status()).isEqualTo(204);

		assertThat(blobFiles()).hasSameElementsAs(before);
		assertThat(get("/api/storage/buckets/" + name, admin()).code()).isEqualTo("bucket_not_found");
		assertThat(get("/api/storage/buckets/" + name + "/objects/" + id, admin()).code())
			.isEqualTo("bucket_not_found");
	}

	private Reply put(String path, String token, String body) {
		return send("PUT", path, token, BodyPublishers.ofString(body), Map.of("Content-Type", "application/json"));
	}

	static final byte[] PNG_HEADER = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
			'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0 };

}
