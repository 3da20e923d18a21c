package de.quartierdispatch.geo;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an import did, or why it did nothing.
 *
 * @param source the file's name
 * @param features features read from the file
 * @param created quarters that did not exist before
 * @param updated quarters whose name or geometry changed
 * @param unchanged quarters that were already exactly as in the file
 * @param repaired features whose geometry was repaired, and how it was broken
 * @param rejected features (or the file itself) that could not be imported; when there
 * are any, nothing of the file was imported
 */
public record QuarterImportReport(String source, int features, int created, int updated, int unchanged,
		List<FeatureNote> repaired, List<FeatureNote> rejected) {

	public boolean applied() {
		return this.rejected.isEmpty();
	}

	static QuarterImportReport rejected(String source, int features, List<FeatureNote> repaired,
			List<FeatureNote> rejected) {
		return new QuarterImportReport(source, features, 0, 0, 0, repaired, rejected);
	}

	/**
	 * A remark about one feature.
	 *
	 * @param feature the feature's position in the file (from 1); {@code null} for the
	 * file as a whole
	 * @param code its code, when it has one
	 * @param name its name, when it has one
	 * @param message what was found, in English (for logs and the command line)
	 * @param reason what was found, as a code a page puts into its reader's language
	 * ({@link ImportReasons})
	 * @param detail the part of the message that is not words of ours: a property's name,
	 * a geometry type, or the geometry library's own finding with its place
	 */
	public record FeatureNote(@Nullable Integer feature, @Nullable String code, @Nullable String name, String message,
			String reason, @Nullable String detail) {

		FeatureNote(@Nullable Integer feature, @Nullable String code, @Nullable String name, String message) {
			this(feature, code, name, message, ImportReasons.of(message).reason(), ImportReasons.of(message).detail());
		}

		@Override
		public String toString() {
			if (this.feature == null) {
				return this.message;
			}
			StringBuilder text = new StringBuilder("feature ").append(this.feature);
			if (this.code != null || this.name != null) {
				text.append(" (");
				text.append((this.code != null) ? "code \"" + this.code + "\"" : "no code");
				text.append(", ");
				text.append((this.name != null) ? "name \"" + this.name + "\"" : "no name");
				text.append(")");
			}
			return text.append(": ").append(this.message).toString();
		}

	}

}
