package de.quartierdispatch.geo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import de.quartierdispatch.geo.AddressImportReport.RejectedRow;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.TextNormalizer;
import io.r2dbc.spi.R2dbcException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.Resource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Imports the address gazetteer from CSV (Apache Commons CSV), in batches, as upserts: a
 * re-import moves addresses whose point changed and adds new ones.
 */
@Service
public class AddressImporter {

	private static final int BATCH_SIZE = 500;

	private static final int MAX_LISTED_REJECTIONS = 100;

	private static final String UPSERT = """
			INSERT INTO address (street, house_number, postcode, city, location)
			SELECT street, house_number, postcode, city, ST_Transform(ST_SetSRID(ST_MakePoint(x, y), :srid), 4326)
			FROM unnest(:streets::text[], :numbers::text[], :postcodes::text[], :cities::text[],
			            :xs::float8[], :ys::float8[]) AS row(street, house_number, postcode, city, x, y)
			ON CONFLICT (street, house_number, postcode, city) DO UPDATE SET location = EXCLUDED.location
			    WHERE NOT ST_Equals(address.location, EXCLUDED.location)
			""";

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final AddressPlacement placement;

	AddressImporter(DatabaseClient db, TransactionalOperator transactions, AddressPlacement placement) {
		this.db = db;
		this.transactions = transactions;
		this.placement = placement;
	}

	public Mono<AddressImportReport> importCsv(Resource file, AddressImportOptions options) {
		RejectedRows rejected = new RejectedRows();
		Flux<Address> addresses = Flux.using(() -> open(file, options), (parser) -> read(parser, options, rejected),
				AddressImporter::close);
		Mono<long[]> counts = addresses.subscribeOn(Schedulers.boundedElastic())
			.buffer(BATCH_SIZE)
			.concatMap((batch) -> upsert(batch, options.srid()).map((written) -> new long[] { batch.size(), written }))
			.reduce(new long[] { 0, 0 }, (sum, batch) -> new long[] { sum[0] + batch[0], sum[1] + batch[1] });
		return this.transactions.transactional(refuseUnknownSrid(options.srid()).then(counts))
			.map((sum) -> new AddressImportReport(sum[0] + rejected.count, sum[1], rejected.listed, rejected.count));
	}

	private static CSVParser open(Resource file, AddressImportOptions options) throws IOException {
		Reader reader = AddressFileChecks.text(file.getInputStream(), options.charset());
		CSVParser parser = AddressFileChecks.parse(reader, format(options.delimiter()), options.charset());
		List<String> missing = missingColumns(parser, options);
		if (!missing.isEmpty()) {
			parser.close();
			throw new AddressFileUnreadable("columns-missing", null, String.join(", ", missing));
		}
		return parser;
	}

	private static CSVFormat format(char delimiter) {
		try {
			return CSVFormat.DEFAULT.builder()
				.setDelimiter(delimiter)
				.setHeader()
				.setSkipHeaderRecord(true)
				// A trailing separator leaves a column without a name: harmless. A name
				// twice is ambiguous: which of the two holds the street?
				.setAllowMissingColumnNames(true)
				.setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
				.setIgnoreEmptyLines(true)
				.setTrim(true)
				.get();
		}
		catch (IllegalArgumentException ex) {
			// A line break or the quote character cannot separate columns.
			throw new AddressFileUnreadable("delimiter-unusable", ex);
		}
	}

	private static void close(CSVParser parser) {
		try {
			parser.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> missingColumns(CSVParser parser, AddressImportOptions options) {
		List<String> required = new ArrayList<>(List.of(options.street(), options.houseNumber(), options.postcode(),
				options.city(), options.x(), options.y()));
		if (options.houseNumberSuffix() != null) {
			required.add(options.houseNumberSuffix());
		}
		return required.stream().filter((column) -> !parser.getHeaderMap().containsKey(column)).toList();
	}

	private static Flux<Address> read(CSVParser parser, AddressImportOptions options, RejectedRows rejected) {
		Iterator<CSVRecord> records = parser.iterator();
		Map<String, Long> seen = new HashMap<>();
		return Flux.generate((sink) -> {
			while (AddressFileChecks.nextRecord(records, parser, options.charset())) {
				CSVRecord record = records.next();
				AddressFileChecks.refuseUnstorable(record);
				Address address = toAddress(record, options, rejected);
				if (address != null) {
					AddressFileChecks.refuseRepeated(address.street(), address.houseNumber(), address.postcode(),
							address.city(), record, seen);
					sink.next(address);
					return;
				}
			}
			sink.complete();
		});
	}

	private static @Nullable Address toAddress(CSVRecord record, AddressImportOptions options, RejectedRows rejected) {
		// Cleaned as every name is: control characters go, and what shows nothing is
		// empty.
		String street = TextNormalizer.oneLine(record.get(options.street()));
		String number = TextNormalizer.oneLine(record.get(options.houseNumber()));
		String suffix = (options.houseNumberSuffix() != null)
				? TextNormalizer.oneLine(record.get(options.houseNumberSuffix())) : "";
		String postcode = TextNormalizer.oneLine(record.get(options.postcode()));
		String city = TextNormalizer.oneLine(record.get(options.city()));
		if (street.isEmpty() || number.isEmpty() || city.isEmpty()) {
			rejected.add(record, "empty");
			return null;
		}
		if (street.length() > AddressFileChecks.MAX_STREET
				|| number.length() + suffix.length() > AddressFileChecks.MAX_NUMBER
				|| postcode.length() > AddressFileChecks.MAX_POSTCODE || city.length() > AddressFileChecks.MAX_CITY) {
			rejected.add(record, "too-long");
			return null;
		}
		try {
			double x = AddressFileChecks.coordinate(record.get(options.x()));
			double y = AddressFileChecks.coordinate(record.get(options.y()));
			if (!Double.isFinite(x) || !Double.isFinite(y)) {
				throw new NumberFormatException();
			}
			if (!AddressFileChecks.plausible(x, y, options.srid())) {
				rejected.add(record, "out-of-range");
				return null;
			}
			return new Address(street, number + suffix, postcode, city, x, y,
					record.getParser().getCurrentLineNumber());
		}
		catch (NumberFormatException ex) {
			rejected.add(record, "not-numbers");
			return null;
		}
	}

	private Mono<Void> refuseUnknownSrid(int srid) {
		return this.db.sql("SELECT count(*) AS known FROM spatial_ref_sys WHERE srid = :srid")
			.bind("srid", srid)
			.map((row) -> row.get("known", Long.class))
			.one()
			.filter((known) -> known == 0)
			.flatMap((unknown) -> Mono.error(new InvalidFieldsException("srid", "address.unknown-srid", srid)));
	}

	private Mono<Long> upsert(List<Address> batch, int srid) {
		Double[] xs = batch.stream().map(Address::x).toArray(Double[]::new);
		Double[] ys = batch.stream().map(Address::y).toArray(Double[]::new);
		Mono<Void> placed = this.placement.firstOffTheMap(xs, ys, srid)
			.flatMap((first) -> Mono
				.error(new AddressFileUnreadable("off-the-map", null, batch.get(first).line(), srid)));
		return placed
			.then(Mono.defer(() -> this.db.sql(UPSERT)
				.bind("srid", srid)
				.bind("streets", batch.stream().map(Address::street).toArray(String[]::new))
				.bind("numbers", batch.stream().map(Address::houseNumber).toArray(String[]::new))
				.bind("postcodes", batch.stream().map(Address::postcode).toArray(String[]::new))
				.bind("cities", batch.stream().map(Address::city).toArray(String[]::new))
				.bind("xs", xs)
				.bind("ys", ys)
				.fetch()
				.rowsUpdated()))
			.onErrorMap(AddressImporter::isTransformFailure,
					(failure) -> new AddressFileUnreadable("not-convertible", failure, srid));
	}

	/** PostGIS reports a coordinate it cannot project as an internal error (XX000). */
	private static boolean isTransformFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof R2dbcException r2dbc && "XX000".equals(r2dbc.getSqlState())) {
				return true;
			}
		}
		return false;
	}

	private record Address(String street, String houseNumber, String postcode, String city, double x, double y,
			long line) {
	}

	/** Rows that could not be read; the first ones are listed, all are counted. */
	private static final class RejectedRows {

		private final List<RejectedRow> listed = new ArrayList<>();

		private long count;

		void add(CSVRecord record, String reason) {
			this.count++;
			if (this.listed.size() < MAX_LISTED_REJECTIONS) {
				this.listed.add(new RejectedRow(record.getParser().getCurrentLineNumber(), reason));
			}
		}

	}

}
