package de.quartierdispatch.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Photos as phones make them: a real JPEG carrying EXIF with a GPS position, the camera's
 * make and serial number, an XMP packet, an ICC profile and a comment, built here byte by
 * byte so that the test knows exactly what went in. And a reader of JPEG segments, so
 * that what comes back is checked in its bytes.
 */
public final class TellingPhotos {

	/** The camera serial written into the EXIF block. */
	public static final String CAMERA_SERIAL = "SN-4711-0815-XYZ";

	/** The camera make written into the EXIF block. */
	public static final String CAMERA_MAKE = "TelltaleCam";

	/** Text of the XMP packet. */
	public static final String XMP_MARK = "xmp-creator-Erika-Mustermann";

	/** Text of the JPEG comment. */
	public static final String COMMENT = "comment: Hinterhof Hansastr 9";

	private TellingPhotos() {
	}

	/** A 640×480 JPEG with EXIF (GPS, make, serial), XMP, ICC profile and a comment. */
	public static byte[] jpegWithMetadata() {
		byte[] plain = plainJpeg(640, 480);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xFF);
		out.write(0xD8);
		segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exif()));
		segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x='adobe:ns:meta/'><dc:creator>" + XMP_MARK
				+ "</dc:creator></x:xmpmeta>")
			.getBytes(StandardCharsets.UTF_8));
		byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
		segment(out, 0xE2, concat("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1), new byte[] { 1, 1 }, icc));
		segment(out, 0xFE, COMMENT.getBytes(StandardCharsets.ISO_8859_1));
		// The rest of the encoder's file, after its SOI.
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	/** A plain JPEG: an orange disc on blue, as the encoder writes it. */
	public static byte[] plainJpeg(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(30, 120, 200));
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.ORANGE);
		graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
		graphics.dispose();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpeg", bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** The markers of a JPEG's segments before its image data, in order. */
	public static List<Integer> markers(byte[] jpeg) {
		List<Integer> markers = new ArrayList<>();
		if ((jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
			throw new IllegalArgumentException("not a JPEG");
		}
		int at = 2;
		while (at + 4 <= jpeg.length) {
			if ((jpeg[at] & 0xFF) != 0xFF) {
				throw new IllegalArgumentException("no marker at " + at);
			}
			int marker = jpeg[at + 1] & 0xFF;
			markers.add(marker);
			if (marker == 0xDA) {
				break;
			}
			int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
			at += 2 + length;
		}
		return markers;
	}

	/**
	 * A TIFF structure: IFD0 (make, EXIF and GPS pointers), EXIF IFD (serial), GPS IFD.
	 */
	private static byte[] exif() {
		ByteBuffer tiff = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
		tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		int ifd0 = 8;
		int exifIfd = ifd0 + 2 + 3 * 12 + 4;
		int gpsIfd = exifIfd + 2 + 12 + 4;
		int data = gpsIfd + 2 + 4 * 12 + 4;
		byte[] make = (CAMERA_MAKE + "\0").getBytes(StandardCharsets.US_ASCII);
		byte[] serial = (CAMERA_SERIAL + "\0").getBytes(StandardCharsets.US_ASCII);
		int makeAt = data;
		int serialAt = makeAt + make.length;
		int latitudeAt = serialAt + serial.length;
		int longitudeAt = latitudeAt + 24;
		tiff.position(ifd0);
		tiff.putShort((short) 3);
		entry(tiff, 0x010F, 2, make.length, makeAt);
		entry(tiff, 0x8769, 4, 1, exifIfd);
		entry(tiff, 0x8825, 4, 1, gpsIfd);
		tiff.putInt(0);
		tiff.putShort((short) 1);
		entry(tiff, 0xA431, 2, serial.length, serialAt);
		tiff.putInt(0);
		tiff.putShort((short) 4);
		entry(tiff, 0x0001, 2, 2, 'N');
		entry(tiff, 0x0002, 5, 3, latitudeAt);
		entry(tiff, 0x0003, 2, 2, 'E');
		entry(tiff, 0x0004, 5, 3, longitudeAt);
		tiff.putInt(0);
		tiff.put(make).put(serial);
		rational(tiff, 51, 32, 3108);
		rational(tiff, 6, 58, 516);
		byte[] bytes = new byte[tiff.position()];
		tiff.flip().get(bytes);
		return bytes;
	}

	private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
		tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
	}

	private static void rational(ByteBuffer tiff, int degrees, int minutes, int centiseconds) {
		tiff.putInt(degrees).putInt(1).putInt(minutes).putInt(1).putInt(centiseconds).putInt(100);
	}

	private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
		int length = payload.length + 2;
		out.write(0xFF);
		out.write(marker);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(payload, 0, payload.length);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.write(part, 0, part.length);
		}
		return out.toByteArray();
	}

}
