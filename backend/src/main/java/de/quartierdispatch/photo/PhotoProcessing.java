package de.quartierdispatch.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import de.quartierdispatch.photo.PhotoProblems.NotAnImageException;
import de.quartierdispatch.photo.PhotoProblems.TooManyPixelsException;
import de.quartierdispatch.photo.PhotoProblems.UnreadableImageException;

import org.springframework.stereotype.Component;

/**
 * Turns an upload into a photo that tells nothing but what it shows. The type is taken
 * from the bytes, never from a file name or header; the size is read from the image
 * header and checked before anything is decoded; the pixels are then decoded (subsampled
 * when the image is far larger than what is kept, or would not fit the memory budget) and
 * drawn onto a fresh RGB canvas, and only those pixels are written out as a new JPEG.
 * Nothing of the original file (EXIF with GPS position or camera serial, XMP, ICC
 * profiles, comments) can survive, because nothing of it is copied. Blocking work:
 * {@link Photos} runs it off the event loop, one photo at a time.
 */
@Component
class PhotoProcessing {

	private static final float JPEG_QUALITY = 0.85f;

	/** Drawing a pixel format Java 2D has no loop for goes through an ARGB copy. */
	private static final int DRAWING_COPY_BYTES_PER_PIXEL = Integer.BYTES;

	private final PhotoProperties properties;

	PhotoProcessing(PhotoProperties properties) {
		this.properties = properties;
		// Plugins from the application's jars (WebP) are found only after a scan.
		ImageIO.scanForPlugins();
		ImageIO.setUseCache(false);
	}

	ProcessedPhoto process(byte[] upload) {
		String format = sniff(upload);
		BufferedImage decoded = decode(upload, format);
		int orientation = "jpeg".equals(format) ? ExifOrientation.of(upload) : ExifOrientation.UPRIGHT;
		BufferedImage image = fit(decoded, this.properties.maxEdge(), orientation);
		BufferedImage thumbnail = fit(image, this.properties.thumbnailEdge(), ExifOrientation.UPRIGHT);
		return new ProcessedPhoto(jpeg(image), jpeg(thumbnail), image.getWidth(), image.getHeight());
	}

	/** The format by magic number: JPEG, PNG or WebP; anything else is refused. */
	static String sniff(byte[] bytes) {
		if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
			return "jpeg";
		}
		if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return "png";
		}
		if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
			return "webp";
		}
		throw new NotAnImageException();
	}

	private BufferedImage decode(byte[] upload, String format) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
		if (!readers.hasNext()) {
			throw new UnreadableImageException();
		}
		ImageReader reader = readers.next();
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			reader.setInput(input, true, true);
			long width = reader.getWidth(0);
			long height = reader.getHeight(0);
			if (width <= 0 || height <= 0) {
				throw new UnreadableImageException();
			}
			if (width * height > this.properties.maxPixels()) {
				throw new TooManyPixelsException(this.properties.maxPixels() / 1_000_000);
			}
			int step = subsampling(width, height, bytesPerPixel(reader), format);
			ImageReadParam param = reader.getDefaultReadParam();
			param.setSourceSubsampling(step, step, 0, 0);
			return reader.read(0, param);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof PhotoProblems.PhotoProblem problem) {
				throw problem;
			}
			throw new UnreadableImageException();
		}
		finally {
			reader.dispose();
		}
	}

	/**
	 * Every n-th pixel is read: enough for the stored edge, and few enough that the
	 * pixels as decoded, plus the copy drawing them may make, fit the decode budget. A
	 * 16-bit image with alpha takes eight bytes per pixel, so the pixel limit alone does
	 * not bound the memory. WebP's reader is not known to skip pixels while decoding: it
	 * must fit the budget whole.
	 */
	private int subsampling(long width, long height, int bytesPerPixel, String format) {
		long perPixel = bytesPerPixel + DRAWING_COPY_BYTES_PER_PIXEL;
		long budget = this.properties.decodeBudget().toBytes();
		if (!format.equals("jpeg") && !format.equals("png")) {
			if (width * height * perPixel > budget) {
				throw new TooManyPixelsException(budget / perPixel / 1_000_000);
			}
			return 1;
		}
		int step = (int) Math.max(1, Math.max(width, height) / (2L * this.properties.maxEdge()));
		while (ceilDiv(width, step) * ceilDiv(height, step) * perPixel > budget) {
			step++;
		}
		return step;
	}

	/** The bytes one decoded pixel takes (at least those of a packed RGB int). */
	private static int bytesPerPixel(ImageReader reader) throws IOException {
		ImageTypeSpecifier type = reader.getRawImageType(0);
		if (type == null) {
			Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
			type = types.hasNext() ? types.next() : null;
		}
		if (type == null) {
			return Long.BYTES;
		}
		SampleModel samples = type.getSampleModel(1, 1);
		int bytes = samples.getNumDataElements() * DataBuffer.getDataTypeSize(samples.getDataType()) / Byte.SIZE;
		return Math.max(Integer.BYTES, bytes);
	}

	private static long ceilDiv(long dividend, long divisor) {
		return (dividend + divisor - 1) / divisor;
	}

	/**
	 * The image scaled to fit the edge and turned as its camera said, on a new opaque RGB
	 * canvas (white behind alpha).
	 */
	private static BufferedImage fit(BufferedImage source, int edge, int orientation) {
		double scale = Math.min(1.0, (double) edge / Math.max(source.getWidth(), source.getHeight()));
		int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
		boolean sideways = ExifOrientation.turnsSideways(orientation);
		BufferedImage canvas = new BufferedImage(sideways ? height : width, sideways ? width : height,
				BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = canvas.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
			graphics.transform(ExifOrientation.transform(orientation, width, height));
			graphics.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return canvas;
	}

	private static byte[] jpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(output);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(JPEG_QUALITY);
			// No metadata passed on: the writer adds only its own JFIF header.
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UnreadableImageException();
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static boolean startsWith(byte[] bytes, int offset, int... expected) {
		if (bytes.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((bytes[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A photo ready to store.
	 *
	 * @param image the re-encoded JPEG
	 * @param thumbnail a small JPEG of it
	 * @param width the image's width
	 * @param height the image's height
	 */
	record ProcessedPhoto(byte[] image, byte[] thumbnail, int width, int height) {
	}

}
