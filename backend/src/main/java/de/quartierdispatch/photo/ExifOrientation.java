package de.quartierdispatch.photo;

import java.awt.geom.AffineTransform;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * How a camera says its picture is turned: a phone stores a portrait photo as a landscape
 * one with an EXIF tag (1 to 8) saying how to show it. The stored photo keeps no
 * metadata, so the turn is applied to its pixels instead. A tag that cannot be read
 * counts as none.
 */
final class ExifOrientation {

	static final int UPRIGHT = 1;

	private ExifOrientation() {
	}

	/** The orientation a JPEG's EXIF gives, or {@link #UPRIGHT}. */
	static int of(byte[] jpeg) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
			List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(input, JPEG.APP1, "Exif");
			if (exif.isEmpty()) {
				return UPRIGHT;
			}
			InputStream data = exif.get(0).data();
			// "Exif" and its terminator are the identifier; one pad byte follows.
			data.read();
			Entry entry = new TIFFReader().read(new MemoryCacheImageInputStream(data))
				.getEntryById(TIFF.TAG_ORIENTATION);
			int orientation = (entry != null && entry.getValue() instanceof Number number) ? number.intValue()
					: UPRIGHT;
			return (orientation >= 1 && orientation <= 8) ? orientation : UPRIGHT;
		}
		catch (IOException | RuntimeException ex) {
			return UPRIGHT;
		}
	}

	/** Whether the picture's width and height swap when it is shown. */
	static boolean turnsSideways(int orientation) {
		return orientation >= 5;
	}

	/**
	 * Maps a picture drawn at (0, 0) in {@code width} × {@code height} as stored onto the
	 * canvas it is shown on.
	 */
	static AffineTransform transform(int orientation, int width, int height) {
		return switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, width, 0);
			case 3 -> new AffineTransform(-1, 0, 0, -1, width, height);
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, height);
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
			case 6 -> new AffineTransform(0, 1, -1, 0, height, 0);
			case 7 -> new AffineTransform(0, -1, -1, 0, height, width);
			case 8 -> new AffineTransform(0, -1, 1, 0, 0, width);
			default -> new AffineTransform();
		};
	}

}
