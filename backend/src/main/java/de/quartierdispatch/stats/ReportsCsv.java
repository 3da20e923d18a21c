package de.quartierdispatch.stats;

import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The statistics' table as CSV: every group, those below the minimum shown as "< n" (the
 * page's notation), and a last row with the exact total, so that the file adds up to what
 * the page shows. The note, the columns, categories, channels and the total's label are
 * in the caller's language: the file is read by people, in a spreadsheet (hence the byte
 * order mark).
 */
@Component
class ReportsCsv {

	private static final String LINE = "\r\n";

	private static final String BYTE_ORDER_MARK = "\uFEFF";

	/** The columns, named in the reader's language as the categories and channels are. */
	private static final List<String> COLUMNS = List.of("stats.csv.month", "stats.csv.category", "stats.csv.quarter",
			"stats.csv.channel", "stats.csv.reports");

	private final MessageSource messages;

	ReportsCsv(MessageSource messages) {
		this.messages = messages;
	}

	private String word(String key, Locale locale) {
		return cell(this.messages.getMessage(key, null, key, locale));
	}

	/**
	 * A name as a spreadsheet shows it, never runs it: a cell that begins like a formula
	 * (a quarter named "=HYPERLINK(…)" by an import) gets an apostrophe in front (OWASP,
	 * "CSV injection").
	 */
	static String cell(String text) {
		return (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
	}

	String write(List<Statistics.Row> rows, int minimum, Locale locale) {
		// The byte order mark first: Excel takes a CSV for UTF-8 only with it, and shows
		// "Lärm" as "LÃ¤rm" without. It lands in the comment line, not in a column.
		StringBuilder text = new StringBuilder(BYTE_ORDER_MARK).append("# ")
			.append(this.messages.getMessage("stats.csv.note", new Object[] { minimum }, locale))
			.append(LINE)
			.append(CSVFormat.DEFAULT.format(COLUMNS.stream().map((column) -> word(column, locale)).toArray()))
			.append(LINE);
		long total = 0;
		for (Statistics.Row row : rows) {
			total += row.reports();
			Object reports = (row.reports() < minimum) ? "< " + minimum : row.reports();
			text.append(CSVFormat.DEFAULT.format(row.month(), cell(row.categoryName()),
					(row.quarter() != null) ? cell(row.quarter()) : "", word("channel." + row.channel(), locale),
					reports))
				.append(LINE);
		}
		return text.append(CSVFormat.DEFAULT.format(this.messages.getMessage("stats.csv.total", null, locale), "", "",
				"", (total < minimum) ? "< " + minimum : total))
			.append(LINE)
			.toString();
	}

}
