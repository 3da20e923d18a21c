package de.quartierdispatch.bench;

import java.util.List;
import java.util.random.RandomGenerator;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Randomised public submissions as residents write them: the common categories more
 * often, mostly short texts with a long tail, a third leaving contact details, points all
 * over the city.
 */
final class ReportBodies {

	/** Category codes with their weights (noise and litter dominate real complaints). */
	private static final List<Weighted> CATEGORIES = List.of(new Weighted("NOISE", 30), new Weighted("LITTER", 22),
			new Weighted("YOUTH_GROUPS", 10), new Weighted("NEIGHBOUR_CONFLICT", 10),
			new Weighted("PROBLEM_PROPERTY", 6), new Weighted("DRUGS_ALCOHOL", 6), new Weighted("VANDALISM", 6),
			new Weighted("AGGRESSION", 3), new Weighted("PERSON_IN_NEED", 3), new Weighted("OTHER", 4));

	private static final List<Weighted> LANGUAGES = List.of(new Weighted("de", 60), new Weighted("tr", 8),
			new Weighted("ar", 8), new Weighted("uk", 7), new Weighted("en", 6), new Weighted("ro", 4),
			new Weighted("bg", 4), new Weighted("fa", 3));

	private static final String[] WORDS = ("seit gestern abend laute musik im hinterhof wieder müll neben den "
			+ "containern eine gruppe jugendlicher am spielplatz die nachbarn streiten sich lautstark treppenhaus "
			+ "sperrmüll auf dem gehweg bitte kommen sie vorbei ich wohne im dritten stock es ist nach mitternacht "
			+ "kinder können nicht schlafen glasscherben auf dem platz hunde ohne leine der hauseingang ist verdreckt")
		.split(" ");

	private final QuarterPoints points;

	private final List<String> categories;

	private final JsonMapper json = JsonMapper.builder().build();

	ReportBodies(QuarterPoints points, List<String> knownCategories) {
		this.points = points;
		this.categories = knownCategories;
	}

	/** A report as JSON, ready to post. */
	String next(RandomGenerator random) {
		return json(nextReport(random));
	}

	/** A report that leaves an e-mail address, as JSON. */
	String withContact(RandomGenerator random) {
		Report report = nextReport(random);
		return json(new Report(report.category(), report.description(), report.lon(), report.lat(), report.language(),
				"anwohner@example.org"));
	}

	private String json(Report report) {
		ObjectNode body = this.json.createObjectNode();
		body.put("category", report.category());
		body.put("description", report.description());
		body.putObject("location").put("lat", report.lat()).put("lon", report.lon());
		body.put("language", report.language());
		if (report.email() != null) {
			body.putObject("contact").put("email", report.email());
			body.put("consent", true);
		}
		return this.json.writeValueAsString(body);
	}

	Report nextReport(RandomGenerator random) {
		double[] point = this.points.next(random);
		String category = pick(CATEGORIES, random);
		if (!this.categories.contains(category)) {
			category = this.categories.get(random.nextInt(this.categories.size()));
		}
		String email = (random.nextInt(3) == 0) ? "anwohner" + random.nextInt(1_000_000) + "@example.org" : null;
		return new Report(category, description(random), point[0], point[1], pick(LANGUAGES, random), email);
	}

	/**
	 * 10 to 2,000 characters, log-normal around 120: most people write a sentence or two,
	 * a few write a page.
	 */
	private static String description(RandomGenerator random) {
		int length = (int) Math.round(Math.exp(Math.log(120) + 0.8 * random.nextGaussian()));
		length = Math.max(20, Math.min(1900, length));
		StringBuilder text = new StringBuilder(length + 16);
		while (text.length() < length) {
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(WORDS[random.nextInt(WORDS.length)]);
		}
		text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
		return text.append('.').toString();
	}

	private static String pick(List<Weighted> choices, RandomGenerator random) {
		int total = choices.stream().mapToInt(Weighted::weight).sum();
		int ticket = random.nextInt(total);
		for (Weighted choice : choices) {
			ticket -= choice.weight();
			if (ticket < 0) {
				return choice.value();
			}
		}
		return choices.get(0).value();
	}

	/** One generated report, also written as a pgbench script. */
	record Report(String category, String description, double lon, double lat, String language, String email) {
	}

	private record Weighted(String value, int weight) {
	}

}
