package de.quartierdispatch.system;

import java.time.temporal.Temporal;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Dates and times in JSON are ISO-8601 text, as the API documents them. Jackson also
 * reads a number, or text of digits, as seconds since 1970: {@code 1e308} became
 * 1970-01-01 and {@code 2147483648} a day in 2038, values no client meant. Both are a
 * malformed request (400 naming the field).
 */
class IsoDateTimesModule extends SimpleModule {

	private static final Pattern NUMBER = Pattern
		.compile("\\s*[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*");

	IsoDateTimesModule() {
		super("iso-date-times");
		setDeserializerModifier(new ValueDeserializerModifier() {

			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
					BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
				return Temporal.class.isAssignableFrom(description.getBeanClass()) ? new IsoText(deserializer)
						: deserializer;
			}

		});
	}

	private static final class IsoText extends DelegatingDeserializer {

		IsoText(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new IsoText(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			if (!parser.hasToken(JsonToken.VALUE_STRING) || NUMBER.matcher(parser.getString()).matches()) {
				throw MismatchedInputException.from(parser, handledType(),
						"a date or time is ISO-8601 text, such as 2026-12-05T14:30:00+01:00");
			}
			return super.deserialize(parser, context);
		}

	}

}
