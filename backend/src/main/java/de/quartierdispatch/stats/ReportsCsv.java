package de.quartierdispatch.stats;

import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The statistics' table as CSV: every group, those below the minimum shown as "< n" (the
 * page's notation), and a last row with the exact total, so that the file adds up to what
 * the page shows. The note and the total's label are in the caller's language.
 */
@Component
class ReportsCsv {

	private static final String LINE = "\r\n";

	private final MessageSource messages;

	ReportsCsv(MessageSource messages) {
		this.messages = messages;
	}

	String write(List<Statistics.Row> rows, int minimum, Locale locale) {
		StringBuilder text = new StringBuilder("# ")
			.append(this.messages.getMessage("stats.csv.note", new Object[] { minimum }, locale))
			.append(LINE)
			.append(CSVFormat.DEFAULT.format("month", "category", "quarter", "channel", "reports"))
			.append(LINE);
		long total = 0;
		for (Statistics.Row row : rows) {
			total += row.reports();
			Object reports = (row.reports() < minimum) ? "< " + minimum : row.reports();
			text.append(CSVFormat.DEFAULT.format(row.month(), row.category(),
					(row.quarter() != null) ? row.quarter() : "", row.channel(), reports))
				.append(LINE);
		}
		return text
			.append(CSVFormat.DEFAULT.format(this.messages.getMessage("stats.csv.total", null, locale), "", "", "",
					total))
			.append(LINE)
			.toString();
	}

}
