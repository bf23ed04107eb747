package dev.keel.storage.thumbnail;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ThumbnailerTests {

	private final Thumbnailer thumbnailer = new Thumbnailer(40_000_000);

	@Test
	void coverFillsTheWholeSizeAndCropsTheCentre() throws IOException {
		byte[] png = Images.encode(Images.redLeftBlueRight(400, 200, BufferedImage.TYPE_INT_RGB), "png");

		Thumbnail thumbnail = render(png, 100, 100, Fit.COVER);

		assertThat(thumbnail.format()).isEqualTo("png");
		assertThat(thumbnail.image().getWidth()).isEqualTo(100);
		assertThat(thumbnail.image().getHeight()).isEqualTo(100);
		assertThat(colour(thumbnail, 10, 50)).isEqualTo(Color.RED);
		assertThat(colour(thumbnail, 90, 50)).isEqualTo(Color.BLUE);
	}

	@Test
	void containFitsInsideTheSizeKeepingTheAspectRatio() throws IOException {
		byte[] png = Images.encode(Images.redLeftBlueRight(400, 200, BufferedImage.TYPE_INT_RGB), "png");

		Thumbnail wide = render(png, 100, 100, Fit.CONTAIN);
		Thumbnail tall = render(png, 300, 50, Fit.CONTAIN);

		assertThat(wide.image().getWidth()).isEqualTo(100);
		assertThat(wide.image().getHeight()).isEqualTo(50);
		assertThat(colour(wide, 5, 25)).isEqualTo(Color.RED);
		assertThat(colour(wide, 95, 25)).isEqualTo(Color.BLUE);
		assertThat(tall.image().getWidth()).isEqualTo(100);
		assertThat(tall.image().getHeight()).isEqualTo(50);
	}

	@Test
	void enlargesASmallImageToTheSize() throws IOException {
		byte[] png = Images.encode(Images.redLeftBlueRight(20, 10, BufferedImage.TYPE_INT_RGB), "png");

		Thumbnail thumbnail = render(png, 200, 200, Fit.COVER);

		assertThat(thumbnail.image().getWidth()).isEqualTo(200);
		assertThat(thumbnail.image().getHeight()).isEqualTo(200);
	}

	@Test
	void aPngKeepsItsTransparency() throws IOException {
		byte[] png = Images.encode(Images.greenSquareOnNothing(200), "png");

		Thumbnail thumbnail = render(png, 50, 50, Fit.CONTAIN);

		assertThat(thumbnail.format()).isEqualTo("png");
		assertThat(thumbnail.image().getRGB(2, 2) >>> 24).isZero();
		assertThat(colour(thumbnail, 25, 25)).isEqualTo(Color.GREEN);
	}

	@Test
	void aGifGivesAPng() throws IOException {
		byte[] gif = Images.encode(Images.redLeftBlueRight(300, 300, BufferedImage.TYPE_BYTE_INDEXED), "gif");

		Thumbnail thumbnail = render(gif, 60, 60, Fit.COVER);

		assertThat(thumbnail.format()).isEqualTo("png");
		assertThat(colour(thumbnail, 5, 30)).isEqualTo(Color.RED);
	}

	@ParameterizedTest
	@CsvSource({ "jpeg", "bmp" })
	void otherFormatsGiveAJpeg(String format) throws IOException {
		byte[] image = Images.encode(Images.redLeftBlueRight(300, 300, BufferedImage.TYPE_INT_RGB), format);

		Thumbnail thumbnail = render(image, 60, 60, Fit.COVER);

		assertThat(thumbnail.format()).isEqualTo("jpeg");
		assertThat(thumbnail.mediaType()).isEqualTo("image/jpeg");
		assertThat(thumbnail.image().getWidth()).isEqualTo(60);
		assertThat(nearly(colour(thumbnail, 5, 30), Color.RED)).isTrue();
		assertThat(nearly(colour(thumbnail, 55, 30), Color.BLUE)).isTrue();
	}

	@Test
	void aLargeImageIsScaledDownWhole() throws IOException {
		byte[] jpeg = Images.encode(Images.redLeftBlueRight(4000, 3000, BufferedImage.TYPE_INT_RGB), "jpeg");

		Thumbnail thumbnail = render(jpeg, 160, 120, Fit.CONTAIN);

		assertThat(thumbnail.image().getWidth()).isEqualTo(160);
		assertThat(thumbnail.image().getHeight()).isEqualTo(120);
		assertThat(nearly(colour(thumbnail, 3, 60), Color.RED)).isTrue();
		assertThat(nearly(colour(thumbnail, 156, 60), Color.BLUE)).isTrue();
	}

	@Test
	void refusesADecompressionBombFromItsHeaderAlone() {
		byte[] bomb = Images.pngClaiming(50_000, 50_000);
		assertThat(bomb.length).isLessThan(100);

		assertThatExceptionOfType(ImageTooLargeException.class).isThrownBy(
				() -> this.thumbnailer.render(Images.stream(bomb), 100, 100, Fit.COVER, new ByteArrayOutputStream()))
			.withMessageContaining("50000x50000")
			.satisfies((ex) -> assertThat(ex.maxPixels()).isEqualTo(40_000_000));
	}

	@Test
	void allowsAnImageOfExactlyTheLimitAndNotOnePixelMore() throws IOException {
		Thumbnailer small = new Thumbnailer(20_000);
		byte[] atTheLimit = Images.encode(Images.redLeftBlueRight(200, 100, BufferedImage.TYPE_INT_RGB), "png");
		byte[] overTheLimit = Images.encode(Images.redLeftBlueRight(201, 100, BufferedImage.TYPE_INT_RGB), "png");

		small.render(Images.stream(atTheLimit), 10, 10, Fit.COVER, new ByteArrayOutputStream());

		assertThatExceptionOfType(ImageTooLargeException.class).isThrownBy(
				() -> small.render(Images.stream(overTheLimit), 10, 10, Fit.COVER, new ByteArrayOutputStream()));
	}

	@Test
	void refusesWhatIsNotAnImage() {
		byte[] noise = new byte[4096];
		new Random(7).nextBytes(noise);
		for (byte[] bytes : new byte[][] { noise, "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(),
				"%PDF-1.7".getBytes(), new byte[0] }) {
			assertThatExceptionOfType(UnsupportedImageException.class).isThrownBy(() -> this.thumbnailer
				.render(Images.stream(bytes), 10, 10, Fit.COVER, new ByteArrayOutputStream()));
		}
	}

	@Test
	void refusesACorruptImage() throws IOException {
		byte[] png = Images.encode(Images.redLeftBlueRight(400, 200, BufferedImage.TYPE_INT_RGB), "png");
		byte[] truncated = Arrays.copyOf(png, 60);
		byte[] jpeg = Images.encode(Images.redLeftBlueRight(400, 200, BufferedImage.TYPE_INT_RGB), "jpeg");
		byte[] scrambled = jpeg.clone();
		for (int i = 20; i < 200; i++) {
			scrambled[i] = (byte) 0xff;
		}

		for (byte[] bytes : new byte[][] { truncated, scrambled }) {
			assertThatExceptionOfType(UnsupportedImageException.class).isThrownBy(() -> this.thumbnailer
				.render(Images.stream(bytes), 10, 10, Fit.COVER, new ByteArrayOutputStream()));
		}
	}

	@ParameterizedTest
	@CsvSource({ "0,10", "10,0", "4097,10", "10,-1" })
	void refusesAThumbnailSizeOutsideOneTo4096(int width, int height) throws IOException {
		byte[] png = Images.encode(Images.redLeftBlueRight(40, 20, BufferedImage.TYPE_INT_RGB), "png");

		assertThatIllegalArgumentException().isThrownBy(() -> this.thumbnailer.render(Images.stream(png), width, height,
				Fit.COVER, new ByteArrayOutputStream()));
	}

	@Test
	void fitsAreNamedAsClientsWriteThem() {
		assertThat(Fit.of("cover")).contains(Fit.COVER);
		assertThat(Fit.of("CONTAIN")).contains(Fit.CONTAIN);
		assertThat(Fit.of("stretch")).isEmpty();
		assertThat(Fit.of(null)).isEmpty();
		assertThat(Fit.COVER.value()).isEqualTo("cover");
	}

	private Thumbnail render(byte[] image, int width, int height, Fit fit) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String mediaType = this.thumbnailer.render(Images.stream(image), width, height, fit, out);
		try (ImageInputStream in = ImageIO.createImageInputStream(Images.stream(out.toByteArray()))) {
			ImageReader reader = ImageIO.getImageReaders(in).next();
			reader.setInput(in);
			return new Thumbnail(mediaType, reader.getFormatName().toLowerCase(), reader.read(0));
		}
	}

	private static Color colour(Thumbnail thumbnail, int x, int y) {
		return new Color(thumbnail.image().getRGB(x, y), true);
	}

	private static boolean nearly(Color actual, Color expected) {
		return Math.abs(actual.getRed() - expected.getRed()) < 40
				&& Math.abs(actual.getGreen() - expected.getGreen()) < 40
				&& Math.abs(actual.getBlue() - expected.getBlue()) < 40;
	}

	/** A rendered thumbnail, decoded again. */
	private record Thumbnail(String mediaType, String format, BufferedImage image) {

	}

}
