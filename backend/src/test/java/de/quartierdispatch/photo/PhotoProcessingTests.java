package de.quartierdispatch.photo;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

import javax.imageio.ImageIO;

import de.quartierdispatch.photo.PhotoProcessing.ProcessedPhoto;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small file can decode to many bytes: a 16-bit PNG with alpha takes eight bytes a
 * pixel. It is read subsampled so that its pixels fit the decode budget.
 */
class PhotoProcessingTests {

	@Test
	void aSixteenBitPngWithAlphaIsReadSubsampledToFitTheDecodeBudget() throws IOException {
		byte[] png = sixteenBitRgbaPng(1024);
		// 1024 × 1024 pixels at 8 bytes, plus 4 for the drawing copy: 12 MB. Every second
		// pixel (512 × 512): 3 MB.
		PhotoProcessing processing = new PhotoProcessing(properties(DataSize.ofMegabytes(4)));

		ProcessedPhoto photo = processing.process(png);

		assertThat(png.length).isLessThan(100_000);
		assertThat(photo.width()).isEqualTo(512);
		assertThat(photo.height()).isEqualTo(512);
	}

	@Test
	void withinTheBudgetEveryPixelIsRead() throws IOException {
		PhotoProcessing processing = new PhotoProcessing(properties(DataSize.ofMegabytes(64)));

		ProcessedPhoto photo = processing.process(sixteenBitRgbaPng(1024));

		assertThat(photo.width()).isEqualTo(1024);
	}

	/**
	 * A phone's portrait photo: stored 400 × 200 with EXIF orientation 6 (turn 90°
	 * clockwise to show). Stored upright, 200 × 400, with its top row (red) where the
	 * camera's top was; the tag itself is gone with the rest of the metadata.
	 */
	@Test
	void aPhotoTheCameraStoredTurnedIsStoredUpright() throws IOException {
		BufferedImage landscape = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 400; x++) {
			for (int y = 0; y < 200; y++) {
				// The stored picture's left half red: after the turn, its top half.
				landscape.setRGB(x, y, (x < 200) ? 0xFF0000 : 0x0000FF);
			}
		}
		PhotoProcessing processing = new PhotoProcessing(properties(DataSize.ofMegabytes(64)));

		ProcessedPhoto photo = processing.process(withExifOrientation(jpeg(landscape), 6));

		assertThat(photo.width()).isEqualTo(200);
		assertThat(photo.height()).isEqualTo(400);
		BufferedImage stored = ImageIO.read(new ByteArrayInputStream(photo.image()));
		assertThat(stored.getRGB(100, 50) & 0xFF0000).isGreaterThan(0xC00000);
		assertThat(stored.getRGB(100, 350) & 0xFF).isGreaterThan(0xC0);
		assertThat(ExifOrientation.of(photo.image())).isEqualTo(ExifOrientation.UPRIGHT);
		// Without the tag, as it was.
		assertThat(processing.process(jpeg(landscape)).width()).isEqualTo(400);
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, "jpeg", bytes)).isTrue();
		return bytes.toByteArray();
	}

	/**
	 * The JPEG with an EXIF segment holding only the orientation, after its JFIF header.
	 */
	private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
		byte[] tiff = { 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0,
				0, 0, 0 };
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int jfifEnd = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
		out.write(jpeg, 0, jfifEnd);
		int length = 2 + 6 + tiff.length;
		out.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length });
		out.writeBytes(new byte[] { 'E', 'x', 'i', 'f', 0, 0 });
		out.writeBytes(tiff);
		out.write(jpeg, jfifEnd, jpeg.length - jfifEnd);
		return out.toByteArray();
	}

	private static PhotoProperties properties(DataSize decodeBudget) {
		return new PhotoProperties(DataSize.ofMegabytes(12), 50_000_000, 2048, 320, 3, DataSize.ofMegabytes(6),
				Duration.ofHours(1), 30, Duration.ofMinutes(10), 10, decodeBudget);
	}

	private static byte[] sixteenBitRgbaPng(int edge) throws IOException {
		ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false,
				Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
		WritableRaster raster = model.createCompatibleWritableRaster(edge, edge);
		BufferedImage image = new BufferedImage(model, raster, false, null);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, "png", bytes)).isTrue();
		return bytes.toByteArray();
	}

}
