package de.quartierdispatch.bench;

import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * A latency-by-percentile chart as SVG: the x axis stretches the tail (50%, 90%, 99%,
 * 99.9%, 99.99% equally spaced), so that what a goal is about is visible.
 */
final class Charts {

	private static final int WIDTH = 760;

	private static final int HEIGHT = 380;

	private static final int LEFT = 70;

	private static final int RIGHT = 180;

	private static final int TOP = 40;

	private static final int BOTTOM = 50;

	private static final double[] TICKS = { 50, 90, 99, 99.9, 99.99 };

	private static final String[] COLOURS = { "#1b6ca8", "#c0392b", "#27ae60", "#8e44ad" };

	private Charts() {
	}

	/**
	 * One line per series; {@code unitsPerMs} converts the histograms' unit to
	 * milliseconds.
	 */
	static String percentiles(String title, List<Series> series) {
		double maxMs = 1;
		for (Series one : series) {
			maxMs = Math.max(maxMs, one.histogram().getValueAtPercentile(99.99) / one.unitsPerMs());
		}
		maxMs = niceCeiling(maxMs);
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
				WIDTH, HEIGHT));
		svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", LEFT, title));
		int plotWidth = WIDTH - LEFT - RIGHT;
		int plotHeight = HEIGHT - TOP - BOTTOM;
		for (double tick : TICKS) {
			double x = LEFT + x(tick) * plotWidth;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s%%</text>%n",
					x, TOP, x, TOP + plotHeight, x, TOP + plotHeight + 18, trim(tick)));
		}
		for (int i = 0; i <= 5; i++) {
			double value = maxMs * i / 5;
			double y = TOP + plotHeight - (double) plotHeight * i / 5;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n",
					LEFT, y, LEFT + plotWidth, y, LEFT - 6, y + 4, trim(value)));
		}
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
				LEFT + plotWidth / 2, HEIGHT - 10));
		for (int s = 0; s < series.size(); s++) {
			Series one = series.get(s);
			StringBuilder points = new StringBuilder();
			for (int step = 0; step <= 200; step++) {
				double percentile = Math.min(99.99, 100 - 50 * Math.pow(10, -step / 200.0 * Math.log10(5000)));
				double ms = one.histogram().getValueAtPercentile(percentile) / one.unitsPerMs();
				double x = LEFT + x(percentile) * plotWidth;
				double y = TOP + plotHeight - Math.min(1, ms / maxMs) * plotHeight;
				points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
			}
			String colour = COLOURS[s % COLOURS.length];
			svg.append(String.format(Locale.ROOT,
					"<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n", colour, points));
			int legendY = TOP + 10 + s * 20;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
					LEFT + plotWidth + 12, legendY, LEFT + plotWidth + 32, legendY, colour, LEFT + plotWidth + 38,
					legendY + 4, one.name()));
		}
		return svg.append("</svg>\n").toString();
	}

	/** Position of a percentile on the axis, 0 (50%) to 1 (99.99%). */
	private static double x(double percentile) {
		return Math.log10(50 / (100 - percentile)) / Math.log10(50 / 0.01);
	}

	private static double niceCeiling(double value) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (value <= step * magnitude) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

	private static String trim(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
	}

	/**
	 * One line.
	 *
	 * @param name legend text
	 * @param histogram the latencies
	 * @param unitsPerMs histogram units in a millisecond
	 */
	record Series(String name, Histogram histogram, double unitsPerMs) {
	}

}
