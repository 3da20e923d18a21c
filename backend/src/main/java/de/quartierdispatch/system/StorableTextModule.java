package de.quartierdispatch.system;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string the application reads from JSON, as a value or as a property name (also
 * one no request type has), passes here: text PostgreSQL cannot store (NUL) or that is
 * not Unicode (an unpaired surrogate) fails the request with 400 naming the field, before
 * any code sees it.
 */
class StorableTextModule extends SimpleModule {

	StorableTextModule() {
		super("storable-text");
		addDeserializer(String.class, new StorableStringDeserializer());
		addKeyDeserializer(String.class, new StorableKeyDeserializer());
	}

	@Override
	public void setupModule(SetupContext context) {
		super.setupModule(context);
		// A property no request type has is skipped without being read as a key: its name
		// and every string in its value are checked on the way past, as any other.
		context.addHandler(new DeserializationProblemHandler() {

			@Override
			public boolean handleUnknownProperty(DeserializationContext deserialization, JsonParser parser,
					ValueDeserializer<?> deserializer, Object bean, String name) throws JacksonException {
				checked(name, parser);
				skipChecked(parser);
				// Skipped: what Jackson does next (skip, or refuse where unknown
				// properties are) finds nothing left of it to read.
				return false;
			}

		});
	}

	/** Reads past the value the parser is at, checking every name and string in it. */
	private static void skipChecked(JsonParser parser) {
		int depth = 0;
		JsonToken token = parser.currentToken();
		while (token != null) {
			if (token.isStructStart()) {
				depth++;
			}
			else if (token.isStructEnd()) {
				depth--;
			}
			else if (token == JsonToken.VALUE_STRING || token == JsonToken.PROPERTY_NAME) {
				checked(parser.getString(), parser);
			}
			if (depth == 0) {
				return;
			}
			token = parser.nextToken();
		}
	}

	private static String checked(String text, JsonParser parser) {
		if (!TextNormalizer.storable(text)) {
			throw new UnstorableTextException(parser);
		}
		return text;
	}

	private static final class StorableStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			String text = super.deserialize(parser, context);
			return (text != null) ? checked(text, parser) : null;
		}

	}

	private static final class StorableKeyDeserializer extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
			return checked(key, context.getParser());
		}

	}

	/** Text that cannot be stored: answered as 400 with the field's path. */
	static final class UnstorableTextException extends MismatchedInputException {

		UnstorableTextException(JsonParser parser) {
			super(parser, "text contains a NUL character or an unpaired surrogate", String.class);
		}

	}

}
