package de.quartierdispatch.geo;

import de.quartierdispatch.system.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A boundary file with features that cannot be imported: nothing of it was imported.
 */
class QuarterImportRejectedException extends ProblemException {

	private final QuarterImportReport report;

	QuarterImportRejectedException(QuarterImportReport report) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "quarter-import-rejected", report.rejected().size());
		this.report = report;
		property("report", report);
	}

	QuarterImportReport report() {
		return this.report;
	}

	@Override
	public String getMessage() {
		return "Quarter import of " + this.report.source() + " rejected: " + this.report.rejected();
	}

}
