package dev.keel.storage.object;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.keel.storage.StorageServiceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SignedUrlIntegrationTests extends StorageServiceTest {

	@Test
	void aSignedUrlDownloadsWithoutATokenUntilItExpires() {
		String bucket = bucket(access("owner", "authenticated", "owner"));
		String id = upload(bucket);

		JsonNode signed = post("/api/storage/buckets/" + bucket + "/objects/" + id + "/signed-url", user("alice"),
				Map.of("expiresIn", 1))
			.json();
		String url = signed.path("url").asString();

		assertThat(url).startsWith("/api/storage/buckets/" + bucket + "/objects/" + id + "/content?expires=");
		assertThat(signed.path("expiresAt").asString()).endsWith("Z");
		Reply download = get(url, null);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.text()).isEqualTo("secret");
		await().atMost(java.time.Duration.ofSeconds(5)).until(() -> get(url, null).status() == 403);
		assertThat(get(url, null).code()).isEqualTo("signature_expired");
	}

	@Test
	void aTamperedSignedUrlIsRefused() {
		String bucket = bucket(access("owner", "authenticated", "owner"));
		String id = upload(bucket);
		String url = post("/api/storage/buckets/" + bucket + "/objects/" + id + "/signed-url", user("alice"),
				Map.of("expiresIn", 600))
			.json()
			.path("url")
			.asString();
		String expires = url.replaceAll(".*expires=(\\d+).*", "$1");

		Reply later = get(url.replace("expires=" + expires, "expires=" + (Long.parseLong(expires) + 1000)), null);
		Reply forged = get(url.replaceAll("signature=.*", "signature=AAAA"), null);
		String other = upload(bucket);
		Reply otherObject = get(url.replace("/objects/" + id, "/objects/" + other), null);

		assertThat(later.status()).isEqualTo(403);
		assertThat(later.code()).isEqualTo("signature_invalid");
		assertThat(forged.code()).isEqualTo("signature_invalid");
		assertThat(otherObject.code()).isEqualTo("signature_invalid");
	}

	@Test
	void deletingTheObjectKillsItsSignedUrls() {
		String bucket = bucket(access("owner", "authenticated", "owner"));
		String id = upload(bucket);
		String url = post("/api/storage/buckets/" + bucket + "/objects/" + id + "/signed-url", user("alice"),
				Map.of("expiresIn", 600))
			.json()
			.path("url")
			.asString();
		assertThat(get(url, null).status()).isEqualTo(200);

		delete("/api/storage/buckets/" + bucket + "/objects/" + id, user("alice"));

		assertThat(get(url, null).status()).isEqualTo(404);
	}

	@Test
	void theLifetimeMustBeWithinTheConfiguredMaximum() {
		String bucket = bucket(access("owner", "authenticated", "owner"));
		String path = "/api/storage/buckets/" + bucket + "/objects/" + upload(bucket) + "/signed-url";

		assertThat(post(path, user("alice"), Map.of("expiresIn", 0)).code()).isEqualTo("validation_failed");
		assertThat(post(path, user("alice"), Map.of("expiresIn", 601)).json()
			.path("errors")
			.get(0)
			.path("field")
			.asString()).isEqualTo("expiresIn");
		assertThat(post(path, user("alice"), Map.of()).status()).isEqualTo(400);
		assertThat(post(path, user("alice"), Map.of("expiresIn", 600)).status()).isEqualTo(200);
		assertThat(post(path, null, Map.of("expiresIn", 60)).status()).isEqualTo(401);
	}

	private String upload(String bucket) {
		return uploadRaw(bucket, "s.txt", "secret".getBytes(StandardCharsets.UTF_8), "text/plain", user("alice")).json()
			.path("id")
			.asString();
	}

}
