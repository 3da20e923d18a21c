package de.quartierdispatch.accessibility;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The accessibility statement (Erklärung zur Barrierefreiheit), as the city fills it in.
 * The defaults describe this software honestly; a city reviews them and sets its own
 * dates, contacts and enforcement body.
 *
 * @param conformance {@code FULL}, {@code PARTIAL} or {@code NONE}
 * @param knownGaps what is not yet accessible, each with its alternative
 * @param preparedOn when the statement was prepared (ISO date)
 * @param reviewedOn when it was last reviewed (ISO date)
 * @param method how conformance was assessed
 * @param contact how to reach the people responsible (besides the form)
 * @param enforcementBody where to turn when the answer does not satisfy
 */
@ConfigurationProperties("quartier.accessibility")
public record AccessibilityProperties(@DefaultValue("PARTIAL") String conformance, @Nullable List<String> knownGaps,
		@DefaultValue("2026-12-01") String preparedOn, @DefaultValue("2026-12-01") String reviewedOn,
		@DefaultValue("Selbstbewertung mit automatischen Prüfungen (axe-core) und Tests mit Tastatur und Screenreader") String method,
		@DefaultValue("barrierefreiheit@bottrop.example, Tel. 02041 70-0") String contact,
		@DefaultValue("Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen, ombudsstelle-barrierefreie-it@mags.nrw.de") String enforcementBody) {

	static final List<String> GAPS = List.of(
			"Die Karte ist mit Tastatur und Screenreader nur eingeschränkt bedienbar. Alternative: die Adresssuche "
					+ "oder eine Beschreibung des Ortes in Worten.",
			"Hochgeladene Fotos haben keine Textbeschreibung. Alternative: die Beschreibung im Textfeld der Meldung.",
			"Die Hintergrundkarte selbst hat keine Textalternative. Alternative: Quartier und Adresse werden als Text "
					+ "angezeigt.");

	public AccessibilityProperties {
		knownGaps = (knownGaps != null && !knownGaps.isEmpty()) ? List.copyOf(knownGaps) : GAPS;
	}

	@Override
	public List<String> knownGaps() {
		return (this.knownGaps != null) ? this.knownGaps : GAPS;
	}

}
