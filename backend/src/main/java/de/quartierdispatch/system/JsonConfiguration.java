package de.quartierdispatch.system;

import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * JSON as the API documents it: a number where text or a named value is expected (or text
 * where a number or yes/no is expected, empty text included) is a malformed request, not
 * something to guess at; so are a date or time that is not ISO-8601 text
 * ({@link IsoDateTimesModule}), text that cannot be stored ({@link StorableTextModule}),
 * a {@code null} inside a list, set, array or map, and a key given twice, for every
 * request type at once.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	/**
	 * For the server's request bodies only (clients read what others wrote), after Spring
	 * Boot's configuration, which sets the decoder this one replaces.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	WebFluxConfigurer utf8JsonBodies(JsonMapper mapper) {
		return new WebFluxConfigurer() {

			@Override
			public void configureHttpMessageCodecs(ServerCodecConfigurer codecs) {
				codecs.defaultCodecs().jacksonJsonDecoder(new Utf8JsonDecoder(mapper));
			}

		};
	}

	@Bean
	JsonMapperBuilderCustomizer strictScalarTypes() {
		return (builder) -> builder.addModule(new StorableTextModule())
			.addModule(new IsoDateTimesModule())
			// 0 is not the first outcome in the list: an enum is named.
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			// {"state": "OPEN", "state": "CLOSED"} means nothing; a proxy or a second
			// parser that takes the first would read another request than ours.
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.changeDefaultNullHandling((handling) -> handling.withContentNulls(Nulls.FAIL))
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			// Empty or blank text (a NUL counts as blank) would otherwise be read as no
			// value: "" as an organisation unbound a partner's account.
			.withCoercionConfig(LogicalType.Float,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
						// 1.9 as a priority is not 1, the highest.
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum,
					(config) -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
	}

}
