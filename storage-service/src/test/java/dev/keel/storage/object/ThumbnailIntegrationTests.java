package dev.keel.storage.object;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.keel.storage.StorageServiceTest;
import dev.keel.testing.ServiceHttp.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thumbnails of images in the sizes the bucket allows, made once and kept, refused for
 * other sizes, for files that are not images, and for images with more pixels than the
 * limit (read from the header, never decoded).
 */
class ThumbnailIntegrationTests extends StorageServiceTest {

	@Test
	void anAllowedSizeGivesAThumbnailOfThatSizeMadeOnce() throws IOException {
		String bucket = imageBucket();
		String path = content(bucket, uploadRaw(bucket, "photo.png", png(800, 600), "image/png", user("alice")));

		Reply cover = get(path + "?width=200&height=200", user("alice"));
		Reply contain = get(path + "?width=200&height=200&fit=contain", user("alice"));

		assertThat(cover.status()).isEqualTo(200);
		assertThat(cover.header("Content-Type")).isEqualTo("image/png");
		assertThat(cover.header("X-Content-Type-Options")).isEqualTo("nosniff");
		BufferedImage covered = ImageIO.read(new ByteArrayInputStream(cover.body()));
		assertThat(covered.getWidth()).isEqualTo(200);
		assertThat(covered.getHeight()).isEqualTo(200);
		BufferedImage contained = ImageIO.read(new ByteArrayInputStream(contain.body()));
		assertThat(contained.getWidth()).isEqualTo(200);
		assertThat(contained.getHeight()).isEqualTo(150);
		assertThat(thumbnailsOf(path)).hasSize(2);

		Reply again = get(path + "?width=200&height=200", user("alice"));
		assertThat(again.body()).isEqualTo(cover.body());
		assertThat(get(path + "?width=200&height=200", user("alice"), Map.of("If-None-Match", cover.header("ETag")))
			.status()).isEqualTo(304);
		assertThat(cover.header("ETag")).isNotEqualTo(get(path, user("alice")).header("ETag"));
	}

	@Test
	void aSizeTheBucketDoesNotAllowIsABadRequest() throws IOException {
		String bucket = imageBucket();
		String path = content(bucket, uploadRaw(bucket, "photo.png", png(100, 100), "image/png", user("alice")));

		Reply other = get(path + "?width=201&height=200", user("alice"));
		Reply huge = get(path + "?width=99999&height=99999", user("alice"));
		Reply oneSide = get(path + "?width=200", user("alice"));
		Reply badFit = get(path + "?width=200&height=200&fit=stretch", user("alice"));

		assertThat(other.status()).isEqualTo(400);
		assertThat(other.code()).isEqualTo("thumbnail_size_not_allowed");
		assertThat(huge.status()).isEqualTo(400);
		assertThat(oneSide.status()).isEqualTo(400);
		assertThat(badFit.status()).isEqualTo(400);
		assertThat(thumbnailsOf(path)).isEmpty();
	}

	@Test
	void anImageWithMorePixelsThanTheLimitIsRefusedFromItsHeader() throws IOException {
		String bucket = imageBucket();
		byte[] bomb = pngClaiming(50_000, 50_000);
		String path = content(bucket, uploadRaw(bucket, "bomb.png", bomb, "image/png", user("alice")));

		Reply refused = get(path + "?width=200&height=200", user("alice"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("image_too_large");
	}

	/** The kept thumbnails of the file whose content is at {@code path}. */
	private List<java.nio.file.Path> thumbnailsOf(String path) {
		String id = path.substring(0, path.length() - "/content".length());
		String objectId = id.substring(id.lastIndexOf('/') + 1);
		return blobFiles().stream()
			.filter((file) -> file.toString().contains("thumbnails/") && file.toString().contains("/" + objectId + "/"))
			.toList();
	}

	private String imageBucket() {
		Map<String, Object> definition = new LinkedHashMap<>(access("owner", "authenticated", "owner"));
		definition.put("allowedTypes", List.of("image/*"));
		definition.put("thumbnails", List.of("200x200", "64x64"));
		return bucket(definition);
	}

	private static String content(String bucket, Reply uploaded) {
		assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
		return "/api/storage/buckets/" + bucket + "/objects/" + uploaded.json().path("id").asString() + "/content";
	}

	private static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(0, 0, width / 2, height);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/** A small PNG whose header claims a huge size: decoding it would take gigabytes. */
	private static byte[] pngClaiming(int width, int height) throws IOException {
		byte[] png = png(1, 1);
		// IHDR's width and height are the 4 bytes each at offsets 16 and 20; its CRC
		// follows at 29.
		writeInt(png, 16, width);
		writeInt(png, 20, height);
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		crc.update(png, 12, 17);
		writeInt(png, 29, (int) crc.getValue());
		return png;
	}

	private static void writeInt(byte[] bytes, int offset, int value) {
		bytes[offset] = (byte) (value >>> 24);
		bytes[offset + 1] = (byte) (value >>> 16);
		bytes[offset + 2] = (byte) (value >>> 8);
		bytes[offset + 3] = (byte) value;
	}

}
