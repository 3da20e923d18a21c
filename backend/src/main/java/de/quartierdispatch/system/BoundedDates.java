package de.quartierdispatch.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Reads every date and time parameter (query, path, form) as ISO-8601 and refuses years
 * outside 1 to 9999: {@code +300000-01-01} is a valid Java date that PostgreSQL cannot
 * store or compare with. Registered after the defaults, so it decides for
 * {@code @DateTimeFormat(iso = ...)} parameters too; a refusal is a 400 naming the
 * parameter.
 */
final class BoundedDates implements GenericConverter {

	static final int FIRST_YEAR = 1;

	static final int LAST_YEAR = 9999;

	@Override
	public Set<ConvertiblePair> getConvertibleTypes() {
		return Set.of(new ConvertiblePair(String.class, LocalDate.class),
				new ConvertiblePair(String.class, LocalDateTime.class),
				new ConvertiblePair(String.class, OffsetDateTime.class),
				new ConvertiblePair(String.class, ZonedDateTime.class),
				new ConvertiblePair(String.class, Instant.class));
	}

	@Override
	public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
		if (source == null || ((String) source).isBlank()) {
			return null;
		}
		String text = ((String) source).strip();
		Class<?> type = targetType.getType();
		TemporalAccessor value;
		if (type == LocalDate.class) {
			value = LocalDate.parse(text);
		}
		else if (type == LocalDateTime.class) {
			value = LocalDateTime.parse(text);
		}
		else if (type == OffsetDateTime.class) {
			value = OffsetDateTime.parse(text);
		}
		else if (type == ZonedDateTime.class) {
			value = ZonedDateTime.parse(text);
		}
		else {
			value = Instant.parse(text);
		}
		checkYear((value instanceof Instant instant) ? instant.atOffset(ZoneOffset.UTC) : value);
		return value;
	}

	static void checkYear(TemporalAccessor value) {
		int year = value.get(ChronoField.YEAR);
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new IllegalArgumentException("year " + year + " is outside " + FIRST_YEAR + " to " + LAST_YEAR);
		}
	}

}
