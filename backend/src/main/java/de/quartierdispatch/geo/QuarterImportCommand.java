package de.quartierdispatch.geo;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;

/**
 * The command-line mode of the application jar:
 *
 * <pre>
 * java -jar quartier-dispatch.jar import-quarters --file=city.geojson --code-property=code --name-property=name
 * </pre>
 *
 * It migrates the database, imports the file in one transaction, prints progress and what
 * it did, and exits with 0 (imported), 1 (file rejected, nothing imported) or 2 (wrong
 * usage).
 */
@Component
@ConditionalOnNotWebApplication
class QuarterImportCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String NAME = "import-quarters";

	private final QuarterImporter importer;

	private final PrintStream out = System.out;

	private int exitCode;

	QuarterImportCommand(QuarterImporter importer) {
		this.importer = importer;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (!arguments.getNonOptionArgs().contains(NAME)) {
			return;
		}
		String file = option(arguments, "file");
		String codeProperty = option(arguments, "code-property");
		String nameProperty = option(arguments, "name-property");
		if (file == null || codeProperty == null || nameProperty == null) {
			usage();
			return;
		}
		Path path = Path.of(file);
		if (!Files.isReadable(path)) {
			this.out.println("Cannot read " + path.toAbsolutePath());
			this.exitCode = 2;
			return;
		}
		QuarterImportOptions options = new QuarterImportOptions(codeProperty, nameProperty,
				!arguments.containsOption("no-repair"));
		this.exitCode = run(path, options);
	}

	private int run(Path path, QuarterImportOptions options) {
		this.out.println("Importing quarters from " + path.toAbsolutePath());
		try {
			// The command line is the edge of the application: waiting here blocks no
			// event loop.
			QuarterImportReport report = this.importer
				.importFile(new FileSystemResource(path), path.getFileName().toString(), options,
						new ProgressPrinter(this.out))
				.block();
			print(report);
			return 0;
		}
		catch (QuarterImportRejectedException ex) {
			print(ex.report());
			return 1;
		}
	}

	private void print(@Nullable QuarterImportReport report) {
		if (report == null) {
			return;
		}
		this.out.printf("%d features read%n", report.features());
		printNotes("Repaired", report.repaired());
		if (report.applied()) {
			this.out.printf("Imported: %d created, %d updated, %d unchanged%n", report.created(), report.updated(),
					report.unchanged());
		}
		else {
			printNotes("Rejected", report.rejected());
			this.out.println("Nothing was imported: correct the file (or the property names) and import it again.");
		}
	}

	private void printNotes(String heading, List<QuarterImportReport.FeatureNote> notes) {
		if (!notes.isEmpty()) {
			this.out.printf("%s (%d):%n", heading, notes.size());
			notes.forEach((note) -> this.out.println("  " + note));
		}
	}

	private void usage() {
		this.out.println("Usage: java -jar quartier-dispatch.jar " + NAME
				+ " --file=<geojson> --code-property=<property> --name-property=<property> [--no-repair]");
		this.exitCode = 2;
	}

	private static @Nullable String option(ApplicationArguments arguments, String name) {
		List<String> values = arguments.getOptionValues(name);
		return (values == null || values.isEmpty() || values.get(0).isBlank()) ? null : values.get(0);
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	/**
	 * Prints a line at every tenth of the file, so a large import shows it is moving.
	 */
	private static final class ProgressPrinter implements Consumer<QuarterImportProgress> {

		private final PrintStream out;

		private int lastTenth = -1;

		ProgressPrinter(PrintStream out) {
			this.out = out;
		}

		@Override
		public void accept(QuarterImportProgress progress) {
			int tenth = progress.percent() / 10;
			if (tenth > this.lastTenth) {
				this.lastTenth = tenth;
				this.out.printf("  %3d%%  %d features%n", progress.percent(), progress.features());
			}
		}

	}

}
