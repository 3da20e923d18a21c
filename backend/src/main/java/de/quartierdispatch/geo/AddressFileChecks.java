package de.quartierdispatch.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import de.quartierdispatch.system.TextNormalizer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What makes an address file unusable as a whole (broken quoting, text that cannot be
 * stored, the same address twice: refused with the line named, nothing imported) or a
 * single row unusable (too long, coordinates out of range: listed, skipped).
 */
final class AddressFileChecks {

	private static final Pattern COORDINATE = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

	static final int MAX_STREET = 200;

	static final int MAX_NUMBER = 30;

	static final int MAX_POSTCODE = 20;

	static final int MAX_CITY = 100;

	private static final int WGS84 = 4326;

	private static final int ETRS89 = 4258;

	private static final double MAX_PROJECTED = 1.0e8;

	private AddressFileChecks() {
	}

	/**
	 * The file as text. Bytes that are not of its character set are refused, not
	 * replaced: a Latin-1 "Fußweg" read as UTF-8 would be stored as "Fu\uFFFDweg". A byte
	 * order mark, which spreadsheet programs write before the header, is not part of the
	 * first column's name.
	 */
	static Reader text(InputStream file, Charset charset) throws IOException {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		PushbackReader reader = new PushbackReader(new InputStreamReader(file, decoder), 1);
		int first;
		try {
			first = reader.read();
		}
		catch (CharacterCodingException ex) {
			// The very first byte is not of the character set (a UTF-16 file's byte order
			// mark).
			throw new AddressFileUnreadable("other-charset", ex, charset.name());
		}
		if (first != -1 && first != '\uFEFF') {
			reader.unread(first);
		}
		return reader;
	}

	/** Reads the header line; a broken one refuses the file. */
	static CSVParser parse(Reader reader, CSVFormat format, Charset charset) {
		try {
			return CSVParser.parse(reader, format);
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			refuseOtherCharset(ex, charset);
			throw new AddressFileUnreadable("header-unreadable", ex);
		}
		catch (IllegalArgumentException ex) {
			// Commons CSV's words for a header that names a column twice.
			throw new AddressFileUnreadable("header-invalid", ex);
		}
	}

	/**
	 * The next record, or a refusal naming the line when the file's quoting is broken (an
	 * unclosed quote, text after a closing quote).
	 */
	static boolean nextRecord(Iterator<CSVRecord> records, CSVParser parser, Charset charset) {
		try {
			return records.hasNext();
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			refuseOtherCharset(ex, charset);
			throw new AddressFileUnreadable("quoting-broken", ex, parser.getCurrentLineNumber());
		}
	}

	/**
	 * Reading failed on bytes that are not of the file's character set. No line is named:
	 * the reader decodes ahead of the parser.
	 */
	private static void refuseOtherCharset(Exception failure, Charset charset) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CharacterCodingException) {
				throw new AddressFileUnreadable("other-charset", failure, charset.name());
			}
		}
	}

	static void refuseUnstorable(CSVRecord record) {
		for (int column = 0; column < record.size(); column++) {
			if (!TextNormalizer.storable(record.get(column))) {
				throw new AddressFileUnreadable("unstorable", null, record.getParser().getCurrentLineNumber(),
						column + 1);
			}
		}
	}

	/** The same address twice in one file is a mistake in the file, not an update. */
	static void refuseRepeated(String street, String houseNumber, String postcode, String city, CSVRecord record,
			Map<String, Long> seen) {
		String key = street + '\n' + houseNumber + '\n' + postcode + '\n' + city;
		long line = record.getParser().getCurrentLineNumber();
		Long first = seen.putIfAbsent(key, line);
		if (first != null) {
			throw new AddressFileUnreadable("repeated", null, line, first);
		}
	}

	/**
	 * Longitude and latitude for geographic systems; for projected ones (metres), well
	 * inside what any projection on Earth produces.
	 */
	/**
	 * A coordinate as a spreadsheet writes it: digits with a point or a German comma, an
	 * exponent at most; not Java's other spellings ({@code 1d}, {@code 0x1p3},
	 * {@code NaN}).
	 * @throws NumberFormatException for anything else
	 */
	static double coordinate(String text) {
		String number = text.strip().replace(',', '.');
		if (!COORDINATE.matcher(number).matches()) {
			throw new NumberFormatException(number);
		}
		return Double.parseDouble(number);
	}

	static boolean plausible(double x, double y, int srid) {
		if (srid == WGS84 || srid == ETRS89) {
			return Math.abs(x) <= 180 && Math.abs(y) <= 90;
		}
		return Math.abs(x) <= MAX_PROJECTED && Math.abs(y) <= MAX_PROJECTED;
	}

}
