package de.quartierdispatch.open311;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import de.quartierdispatch.geo.GeoPoint;
import de.quartierdispatch.intake.PartnerReportRequest;
import de.quartierdispatch.routing.ReportFlag;
import de.quartierdispatch.system.Language;
import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;

/**
 * The parameters of a {@code POST requests}, from the query string and the body together
 * (the body wins), as GeoReport v2 names them.
 *
 * @param values every parameter with its values
 */
record Open311Parameters(MultiValueMap<String, String> values) {

	/** The one attribute of every service: facts that change who should go. */
	static final String FLAGS = "FLAGS";

	/** The flags a partner app may send (the hotspot flag is set by routing). */
	static final Set<ReportFlag> SETTABLE_FLAGS = EnumSet.complementOf(EnumSet.of(ReportFlag.HOTSPOT));

	/**
	 * One submission as an app that sends no key sent it: every parameter but the key
	 * (who sent it too: device, account, e-mail, name, which are not stored), in a stable
	 * order, each length-prefixed so that no two submissions read the same.
	 */
	String submission() {
		StringBuilder text = new StringBuilder();
		new TreeMap<>(this.values).forEach((name, list) -> {
			if (!"api_key".equals(name)) {
				list.forEach((value) -> text.append(name.length())
					.append(':')
					.append(name)
					.append(value.length())
					.append(':')
					.append(value));
			}
		});
		return text.toString();
	}

	@Nullable String first(String name) {
		String value = single(this.values, name);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * The one value of a parameter that takes one: given twice in the same place, which
	 * was meant cannot be told (a proxy in front may read the other).
	 */
	static @Nullable String single(MultiValueMap<String, String> values, String name) {
		List<String> given = values.get(name);
		if (given != null && given.size() > 1) {
			throw Open311Exception.badRequest(name + " was given more than once");
		}
		return values.getFirst(name);
	}

	String required(String name) {
		String value = first(name);
		if (value == null) {
			throw Open311Exception.badRequest(name + " was not provided");
		}
		return value;
	}

	PartnerReportRequest toReport(Language fallback) {
		String lat = first("lat");
		String lon = first("long");
		if (lat == null || lon == null) {
			throw Open311Exception.badRequest("lat and long were not provided (address_string and address_id alone "
					+ "are not resolved to a place)");
		}
		String description = first("description");
		return new PartnerReportRequest(required("service_code"), (description != null) ? description : "",
				GeoPoint.parse(lat, lon), first("address_string"), flags(),
				Open311Languages.of(first("locale"), fallback).code());
	}

	private Set<ReportFlag> flags() {
		List<String> given = new ArrayList<>();
		for (String name : List.of("attribute[" + FLAGS + "][]", "attribute[" + FLAGS + "]")) {
			List<String> values = this.values.get(name);
			if (values != null) {
				values.forEach((value) -> given.addAll(List.of(value.split(","))));
			}
		}
		Set<ReportFlag> flags = EnumSet.noneOf(ReportFlag.class);
		for (String value : given) {
			String code = value.strip();
			if (code.isEmpty()) {
				continue;
			}
			ReportFlag flag = SETTABLE_FLAGS.stream()
				.filter((settable) -> settable.name().equalsIgnoreCase(code))
				.findFirst()
				.orElseThrow(() -> Open311Exception.badRequest("attribute[" + FLAGS + "] has no value " + code));
			flags.add(flag);
		}
		return flags;
	}

	/** The GeoReport v2 parameter behind a field of the intake. */
	static String parameterOf(String field) {
		return switch (field) {
			case "category" -> "service_code";
			case "location" -> "lat/long";
			case "lon" -> "long";
			case "address" -> "address_string";
			case "flags" -> "attribute[" + FLAGS + "]";
			case "language" -> "locale";
			default -> field;
		};
	}

}
