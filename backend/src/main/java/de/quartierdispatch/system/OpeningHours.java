package de.quartierdispatch.system;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opening or consultation hours in the part of OpenStreetMap's {@code opening_hours}
 * syntax that contact points and services use: rules separated by semicolons, each a list
 * of weekdays or weekday ranges and a list of time spans, e.g.
 * {@code "Mo-Th 09:00-16:00; Fr 09:00-13:00"} or {@code "Mo,We 10:00-12:00,14:00-18:00"}.
 * Times are local (Europe/Berlin); a span may end at 24:00. Weekdays may also be written
 * as German administrators write them ({@code "Mo-Do 09:00-16:00; Fr 09:00-13:00"}, with
 * Di, Mi, Do, So); {@link #normalized} stores them in OpenStreetMap's codes.
 */
public final class OpeningHours {

	private static final List<DayOfWeek> DAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
			DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

	private static final List<String> DAY_CODES = List.of("mo", "tu", "we", "th", "fr", "sa", "su");

	/**
	 * German weekdays that differ from OpenStreetMap's codes (Mo, Fr and Sa are the
	 * same).
	 */
	private static final Map<String, String> GERMAN_DAYS = Map.of("di", "tu", "mi", "we", "do", "th", "so", "su");

	private static final Pattern DAY_WORD = Pattern.compile("\\p{L}+");

	private static final Pattern RULE = Pattern.compile(
			"((?:mo|tu|we|th|fr|sa|su)(?:-(?:mo|tu|we|th|fr|sa|su))?(?:,(?:mo|tu|we|th|fr|sa|su)(?:-(?:mo|tu|we|th|fr|sa|su))?)*)"
					+ "\\s+(\\d{2}:\\d{2}-\\d{2}:\\d{2}(?:,\\d{2}:\\d{2}-\\d{2}:\\d{2})*)");

	private final List<Rule> rules;

	private OpeningHours(List<Rule> rules) {
		this.rules = rules;
	}

	/**
	 * Reads the hours.
	 * @throws IllegalArgumentException when the text is not in the supported syntax
	 */
	public static OpeningHours parse(String text) {
		List<Rule> rules = new ArrayList<>();
		for (String part : inOsmDays(text).toLowerCase(Locale.ROOT).split(";")) {
			String rule = part.trim();
			if (rule.isEmpty()) {
				continue;
			}
			Matcher matcher = RULE.matcher(rule);
			if (!matcher.matches()) {
				throw new IllegalArgumentException("Not understood: " + rule);
			}
			rules.add(new Rule(days(matcher.group(1)), spans(matcher.group(2))));
		}
		if (rules.isEmpty()) {
			throw new IllegalArgumentException("No hours");
		}
		return new OpeningHours(rules);
	}

	/**
	 * The hours as stored and shown everywhere: weekdays in OpenStreetMap's codes
	 * ({@code "Mo-Do 09:00-16:00"} becomes {@code "Mo-Th 09:00-16:00"}); the text as it
	 * is when it is not valid.
	 */
	public static String normalized(String text) {
		return valid(text) ? inOsmDays(text) : text;
	}

	private static String inOsmDays(String text) {
		return DAY_WORD.matcher(text).replaceAll((word) -> {
			String day = word.group().toLowerCase(Locale.ROOT);
			String code = GERMAN_DAYS.getOrDefault(day, day);
			return DAY_CODES.contains(code) ? Character.toUpperCase(code.charAt(0)) + code.substring(1)
					: Matcher.quoteReplacement(word.group());
		});
	}

	public static boolean valid(String text) {
		try {
			parse(text);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** Open at this local date and time. */
	public boolean openAt(LocalDateTime at) {
		LocalTime time = at.toLocalTime();
		return spansOn(at.getDayOfWeek()).stream().anyMatch((span) -> span.contains(time));
	}

	/** Open at some time on this day. */
	public boolean openOn(DayOfWeek day) {
		return !spansOn(day).isEmpty();
	}

	/** Still to open or open later on this day (not yet over). */
	public boolean openLaterOrNow(LocalDateTime at) {
		LocalTime time = at.toLocalTime();
		return spansOn(at.getDayOfWeek()).stream().anyMatch((span) -> span.endsAfter(time));
	}

	/**
	 * The spans of every rule naming the day: rules add up. OpenStreetMap lets a later
	 * rule replace the earlier ones; administrators were told to write afternoons as
	 * rules of their own ("Mo-Fr 09:00-13:00; Th 14:00-18:00"), and the hours they stored
	 * mean that.
	 */
	private List<Span> spansOn(DayOfWeek day) {
		return this.rules.stream()
			.filter((rule) -> rule.days().contains(day))
			.flatMap((rule) -> rule.spans().stream())
			.toList();
	}

	private static Set<DayOfWeek> days(String text) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (String range : text.split(",")) {
			String[] ends = range.split("-");
			int from = DAY_CODES.indexOf(ends[0]);
			int to = (ends.length > 1) ? DAY_CODES.indexOf(ends[1]) : from;
			// Round the week where it ends before it starts ("Su-Mo"); "Mo-Su" is all
			// seven.
			int count = Math.floorMod(to - from, 7) + 1;
			for (int step = 0; step < count; step++) {
				days.add(DAYS.get((from + step) % 7));
			}
		}
		return days;
	}

	private static List<Span> spans(String text) {
		List<Span> spans = new ArrayList<>();
		for (String span : text.split(",")) {
			String[] ends = span.split("-");
			int from = minutes(ends[0]);
			int to = minutes(ends[1]);
			if (to <= from) {
				throw new IllegalArgumentException("Span ends before it starts: " + span);
			}
			spans.add(new Span(from, to));
		}
		return spans;
	}

	private static int minutes(String time) {
		int hours = Integer.parseInt(time.substring(0, 2));
		int minutes = Integer.parseInt(time.substring(3, 5));
		if (hours > 24 || minutes > 59 || (hours == 24 && minutes > 0)) {
			throw new IllegalArgumentException("No such time: " + time);
		}
		return hours * 60 + minutes;
	}

	private record Rule(Set<DayOfWeek> days, List<Span> spans) {
	}

	/** Minutes after midnight, start inclusive, end exclusive. */
	private record Span(int from, int to) {

		boolean contains(LocalTime time) {
			int minute = time.getHour() * 60 + time.getMinute();
			return minute >= this.from && minute < this.to;
		}

		boolean endsAfter(LocalTime time) {
			return time.getHour() * 60 + time.getMinute() < this.to;
		}

	}

}
