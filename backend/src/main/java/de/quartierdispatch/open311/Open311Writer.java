package de.quartierdispatch.open311;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.quartierdispatch.open311.Open311Document.Repeated;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes {@link Open311Document}s in either format: UTF-8, times in ISO 8601 with their
 * offset (W3C profile), the specification's element names.
 */
@Component
class Open311Writer {

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private final JsonMapper json;

	Open311Writer(JsonMapper json) {
		// GeoReport v2's JSON carries a field it has no value for as null, as its XML
		// carries
		// it empty: a client that maps both formats to one model finds every key in both
		// (the application leaves nulls out elsewhere, application.yml).
		this.json = json.rebuild()
			.changeDefaultPropertyInclusion(
					(inclusion) -> JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
			.build();
	}

	String write(Open311Document document, Open311Format format) {
		return (format == Open311Format.XML) ? xml(document) : this.json.writeValueAsString(plain(document.body()));
	}

	private static @Nullable Object plain(@Nullable Object value) {
		if (value instanceof Repeated repeated) {
			return repeated.items().stream().map(Open311Writer::plain).toList();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(key.toString(), plain(item)));
			return copy;
		}
		if (value instanceof OffsetDateTime time) {
			return time(time);
		}
		return value;
	}

	private static String xml(Open311Document document) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter writer = XML.createXMLStreamWriter(out);
			writer.writeStartDocument("UTF-8", "1.0");
			element(writer, document.root(), document.body());
			writer.writeEndDocument();
			writer.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Writing XML to a string cannot fail", ex);
		}
		return out.toString();
	}

	private static void element(XMLStreamWriter writer, String name, @Nullable Object value) throws XMLStreamException {
		if (value == null) {
			writer.writeEmptyElement(name);
			return;
		}
		writer.writeStartElement(name);
		if (value instanceof Repeated repeated) {
			for (Object item : repeated.items()) {
				element(writer, repeated.item(), item);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> field : map.entrySet()) {
				element(writer, field.getKey().toString(), field.getValue());
			}
		}
		else if (value instanceof List<?> list) {
			throw new IllegalArgumentException("Lists need an item name: " + list);
		}
		else {
			writer.writeCharacters(text(value));
		}
		writer.writeEndElement();
	}

	private static String text(Object value) {
		return (value instanceof OffsetDateTime time) ? time(time) : xmlCharacters(value.toString());
	}

	/**
	 * The text without the characters XML 1.0 cannot carry at all (control characters,
	 * lone surrogates, U+FFFE and U+FFFF), each replaced by U+FFFD: an error may echo a
	 * parameter as sent, and a partner's parser must still be able to read the answer.
	 */
	static String xmlCharacters(String text) {
		StringBuilder kept = new StringBuilder(text.length());
		text.codePoints()
			.map((c) -> (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
					|| (c >= 0x10000 && c <= 0x10FFFF)) ? c : 0xFFFD)
			.forEach(kept::appendCodePoint);
		return kept.toString();
	}

	private static String time(OffsetDateTime time) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
	}

}
