package de.quartierdispatch.photo;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
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
