package de.quartierdispatch.open311;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.quartierdispatch.category.Category;
import de.quartierdispatch.intake.PartnerReceipt;
import de.quartierdispatch.open311.Open311Queries.PublicRequest;
import de.quartierdispatch.system.Language;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The documents of GeoReport v2, with the specification's element names and order. A
 * request shows status, category, a coarsened place, the public stage as
 * {@code status_notes} and the routed services as {@code agency_responsible}; never a
 * description, address or anything about the reporter.
 */
@Component
class Open311Responses {

	private final MessageSource messages;

	Open311Responses(MessageSource messages) {
		this.messages = messages;
	}

	Open311Document services(List<Category> categories, Language language) {
		List<Map<String, @Nullable Object>> services = categories.stream()
			.map((category) -> Open311Document.fields("service_code", category.code(), "service_name",
					label(category, language), "description", label(category, language), "metadata", true, "type",
					"realtime", "keywords", category.icon(), "group", null))
			.toList();
		return Open311Document.list("services", "service", services);
	}

	Open311Document definition(Category category, Language language) {
		Locale locale = language.locale();
		List<Map<String, @Nullable Object>> values = Open311Parameters.SETTABLE_FLAGS.stream()
			.map((flag) -> Open311Document.fields("key", flag.name(), "name",
					this.messages.getMessage("open311.flag." + flag.name(), null, locale)))
			.toList();
		Map<String, @Nullable Object> flags = Open311Document.fields("variable", true, "code", Open311Parameters.FLAGS,
				"datatype", "multivaluelist", "required", false, "datatype_description", null, "order", 1,
				"description", this.messages.getMessage("open311.flags.description", null, locale), "values",
				new Open311Document.Repeated("value", values));
		return Open311Document.object("service_definition", Open311Document.fields("service_code", category.code(),
				"attributes", new Open311Document.Repeated("attribute", List.of(flags))));
	}

	Open311Document requests(List<PublicRequest> requests, Language language) {
		Locale locale = language.locale();
		List<Map<String, @Nullable Object>> items = requests.stream()
			.map((request) -> Open311Document.fields("service_request_id", Long.toString(request.id()), "status",
					open(request.state()) ? "open" : "closed", "status_notes",
					this.messages.getMessage("open311.status-notes." + stage(request.state()), null, locale),
					"service_name", request.serviceName(), "service_code", request.serviceCode(), "agency_responsible",
					request.agency(), "service_notice", null, "requested_datetime", request.requestedAt(),
					"updated_datetime", request.updatedAt(), "expected_datetime", request.expectedAt(), "address",
					request.quarterName(), "lat", request.lat(), "long", request.lon()))
			.toList();
		return Open311Document.list("service_requests", "request", items);
	}

	Open311Document posted(PartnerReceipt receipt, boolean photoDiscarded, Language language) {
		Locale locale = language.locale();
		String notice = this.messages.getMessage("open311.service-notice", new Object[] { receipt.trackingCode() },
				locale);
		if (photoDiscarded) {
			notice += " " + this.messages.getMessage("open311.photo-not-kept", null, locale);
		}
		return Open311Document.list("service_requests", "request", List.of(Open311Document.fields("service_request_id",
				Long.toString(receipt.reportId()), "service_notice", notice, "account_id", null)));
	}

	Open311Document token(String token, long reportId) {
		return Open311Document.list("service_requests", "request",
				List.of(Open311Document.fields("service_request_id", Long.toString(reportId), "token", token)));
	}

	Open311Document discovery(String url, String contact) {
		Map<String, @Nullable Object> endpoint = Open311Document.fields("specification",
				"http://wiki.open311.org/GeoReport_v2", "url", url, "changeset", "2026-12-01T00:00:00Z", "type",
				"production", "formats",
				new Open311Document.Repeated("format", List.of("text/xml", "application/json")));
		return Open311Document.object("discovery",
				Open311Document.fields("changeset", "2026-12-01T00:00:00Z", "contact", contact, "key_service", contact,
						"endpoints", new Open311Document.Repeated("endpoint", List.of(endpoint))));
	}

	static boolean open(String state) {
		return state.equals("OPEN") || state.equals("DISPATCHED") || state.equals("ON_SITE");
	}

	private static String stage(String state) {
		return switch (state) {
			case "OPEN" -> "RECEIVED";
			case "DISPATCHED", "ON_SITE" -> "IN_PROGRESS";
			case "RESOLVED" -> "RESOLVED";
			case "REFERRED" -> "REFERRED";
			default -> "CLOSED";
		};
	}

	private static String label(Category category, Language language) {
		String label = category.labels().get(language.code());
		return (label != null) ? label : category.code();
	}

}
