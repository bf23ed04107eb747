package dev.keel.system;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;
import dev.keel.system.DataFixtures.User;

import static dev.keel.system.DataFixtures.access;
import static dev.keel.system.DataFixtures.assertProblem;
import static dev.keel.system.DataFixtures.describe;
import static dev.keel.system.StorageFixtures.content;
import static dev.keel.system.StorageFixtures.download;
import static dev.keel.system.StorageFixtures.object;
import static dev.keel.system.StorageFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files through the gateway as an app's users meet them: uploads that come back
 * byte-identical, ranges, files only their owner sees, public buckets, signed links,
 * types decided by the bytes, inert HTML and thumbnails (API.md §7).
 */
@ExtendWith(RunningPlatform.class)
class StorageSystemTests {

	private static String admin;

	private static User owner;

	private static User other;

	/** Every user reads, writes and deletes only their own files. */
	private static String privateFiles;

	@BeforeAll
	static void usersAndABucket() {
		admin = DataFixtures.admin().accessToken();
		owner = DataFixtures.newUser();
		other = DataFixtures.newUser();
		privateFiles = StorageFixtures.defineBucket(admin, access("owner", "authenticated", "owner", "owner"),
				Map.of("thumbnails", List.of("64x48")));
	}

	@Test
	void multipartAndRawUploadsDownloadByteIdentical() {
		byte[] photo = StorageFixtures.randomBytes(3 * 1024 * 1024 + 11);
		Reply multipart = StorageFixtures.uploadMultipart(owner.token(), privateFiles, "holiday.bin",
				"application/octet-stream", photo);
		assertThat(multipart.status()).as(describe(multipart)).isEqualTo(201);
		assertThat(multipart.field("name")).isEqualTo("holiday.bin");
		assertThat(multipart.body().path("size").asLong()).isEqualTo(photo.length);
		assertThat(multipart.field("owner")).isEqualTo(owner.id());
		byte[] scan = StorageFixtures.randomBytes(2 * 1024 * 1024 + 5);
		JsonNode raw = upload(owner.token(), privateFiles, "scan.bin", scan);

		HttpResponse<byte[]> first = download(content(privateFiles, multipart.field("id")), owner.token());
		HttpResponse<byte[]> second = download(content(privateFiles, raw.path("id").asString()), owner.token());

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEqualTo(photo);
		assertThat(first.headers().firstValue("ETag")).hasValue("\"" + multipart.field("sha256") + "\"");
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(scan);
		assertThat(second.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).startsWith("attachment").contains("scan.bin"));
	}

	@Test
	void rangesAnswerExactlyTheirBytesAndARangePastTheEndIs416() {
		byte[] bytes = StorageFixtures.randomBytes(100_000);
		String path = content(privateFiles,
				upload(owner.token(), privateFiles, "ranged.bin", bytes).path("id").asString());

		HttpResponse<byte[]> middle = download(path, owner.token(), "Range", "bytes=1000-1999");
		HttpResponse<byte[]> tail = download(path, owner.token(), "Range", "bytes=-500");
		HttpResponse<byte[]> past = download(path, owner.token(), "Range", "bytes=200000-");

		assertThat(middle.statusCode()).isEqualTo(206);
		assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/100000");
		assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(bytes, 1000, 2000));
		assertThat(tail.statusCode()).isEqualTo(206);
		assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(bytes, 99_500, 100_000));
		assertThat(past.statusCode()).isEqualTo(416);
		assertThat(past.headers().firstValue("Content-Range")).hasValue("bytes */100000");
	}

	@Test
	void anotherUsersFilesAreNotFoundAndNotListed() {
		String id = upload(owner.token(), privateFiles, "diary.bin", StorageFixtures.randomBytes(1000)).path("id")
			.asString();

		assertProblem(Api.get(object(privateFiles, id), other.token()), 404, "object_not_found");
		assertThat(download(content(privateFiles, id), other.token()).statusCode()).isEqualTo(404);
		assertProblem(Api.post(object(privateFiles, id) + "/signed-url", other.token(), Map.of("expiresIn", 60)), 404,
				"object_not_found");
		assertProblem(Api.delete(object(privateFiles, id), other.token()), 404, "object_not_found");
		assertThat(StorageFixtures.listedIds(other.token(), privateFiles)).doesNotContain(id);
		assertThat(StorageFixtures.listedIds(owner.token(), privateFiles)).contains(id);
		assertThat(download(content(privateFiles, id), owner.token()).statusCode()).isEqualTo(200);
	}

	@Test
	void aPublicBucketIsReadableWithoutAToken() {
		String avatars = StorageFixtures.defineBucket(admin, access("public", "authenticated", "owner", "owner"),
				Map.of());
		byte[] bytes = StorageFixtures.randomBytes(20_000);
		String id = upload(owner.token(), avatars, "me.bin", bytes).path("id").asString();

		HttpResponse<byte[]> anonymous = download(content(avatars, id), null);

		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(anonymous.body()).isEqualTo(bytes);
		assertThat(Api.get(object(avatars, id), null).field("name")).isEqualTo("me.bin");
		assertThat(download(content(privateFiles, id), null).statusCode()).isIn(401, 404);
	}

	@Test
	void aSignedUrlDownloadsWithoutATokenUntilItExpires() throws InterruptedException {
		byte[] bytes = StorageFixtures.randomBytes(5000);
		String id = upload(owner.token(), privateFiles, "shared.bin", bytes).path("id").asString();
		Reply signed = Api.post(object(privateFiles, id) + "/signed-url", owner.token(), Map.of("expiresIn", 2));
		assertThat(signed.status()).as(describe(signed)).isEqualTo(200);
		String url = signed.field("url");

		HttpResponse<byte[]> withoutToken = download(url, null);
		assertThat(withoutToken.statusCode()).isEqualTo(200);
		assertThat(withoutToken.body()).isEqualTo(bytes);
		assertThat(download(url.replace("signature=", "signature=x"), null).statusCode()).isEqualTo(403);

		long deadline = System.nanoTime() + 10_000_000_000L;
		HttpResponse<byte[]> expired = download(url, null);
		while (expired.statusCode() == 200 && System.nanoTime() < deadline) {
			Thread.sleep(250);
			expired = download(url, null);
		}
		assertThat(expired.statusCode()).isEqualTo(403);
		assertThat(new String(expired.body(), StandardCharsets.UTF_8)).contains("\"code\":\"signature_expired\"");
	}

	@Test
	void aTypeOutsideTheBucketsListIsRefusedByItsBytesWhateverTheClaimedType() {
		String images = StorageFixtures.defineBucket(admin, access("authenticated"),
				Map.of("allowedTypes", List.of("image/*")));
		byte[] page = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);

		Reply raw = StorageFixtures.uploadRaw(owner.token(), images, "cat.png", "image/png", page);
		Reply multipart = StorageFixtures.uploadMultipart(owner.token(), images, "cat.png", "image/png", page);

		assertProblem(raw, 415, "type_not_allowed");
		assertProblem(multipart, 415, "type_not_allowed");
		assertThat(StorageFixtures.listedIds(owner.token(), images)).isEmpty();
		assertThat(StorageFixtures.uploadRaw(owner.token(), images, "dot.png", "text/plain", png(8, 8)).status())
			.isEqualTo(201);
	}

	@Test
	void anHtmlUploadDownloadsAsAnInertAttachment() {
		byte[] page = "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(document.cookie)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);
		Reply uploaded = StorageFixtures.uploadRaw(owner.token(), privateFiles, "page.html", "text/plain", page);
		assertThat(uploaded.status()).as(describe(uploaded)).isEqualTo(201);

		HttpResponse<byte[]> served = download(content(privateFiles, uploaded.field("id")), owner.token());

		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(served.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).startsWith("attachment").contains("page.html"));
		assertThat(served.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
		assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(served.body()).isEqualTo(page);
	}

	@Test
	void aThumbnailOfAnAllowedSizeIsAnImageOfThatSizeAndOtherSizesAre400() throws Exception {
		String id = upload(owner.token(), privateFiles, "photo.png", png(640, 480)).path("id").asString();

		HttpResponse<byte[]> thumbnail = download(content(privateFiles, id) + "?width=64&height=48", owner.token());
		Reply other = Api.get(content(privateFiles, id) + "?width=65&height=48", owner.token());

		assertThat(thumbnail.statusCode()).isEqualTo(200);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
		assertThat(image).isNotNull();
		assertThat(image.getWidth()).isEqualTo(64);
		assertThat(image.getHeight()).isEqualTo(48);
		assertProblem(other, 400, "thumbnail_size_not_allowed");
	}

	static byte[] png(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8);
			}
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", bytes);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

}
