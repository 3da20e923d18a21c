package de.quartierdispatch.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A name in the statistics' CSV is shown by a spreadsheet, never run as a formula.
 */
class ReportsCsvTests {

	@Test
	void aCellThatBeginsLikeAFormulaIsTakenAsText() {
		assertThat(ReportsCsv.cell("=HYPERLINK(\"http://evil.example/\";\"klick\")"))
			.isEqualTo("'=HYPERLINK(\"http://evil.example/\";\"klick\")");
		assertThat(ReportsCsv.cell("+49 2041")).isEqualTo("'+49 2041");
		assertThat(ReportsCsv.cell("-1+1")).isEqualTo("'-1+1");
		assertThat(ReportsCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(ReportsCsv.cell("\t=1")).isEqualTo("'\t=1");
		assertThat(ReportsCsv.cell("Lärm")).isEqualTo("Lärm");
		assertThat(ReportsCsv.cell("Batenbrock-Süd")).isEqualTo("Batenbrock-Süd");
		assertThat(ReportsCsv.cell("")).isEmpty();
	}

}
