package de.quartierdispatch.system;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import de.quartierdispatch.system.InvalidFieldsException.InvalidField;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.http.codec.FormHttpMessageReader;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Form bodies as the framework's reader reads them once checked: UTF-8 unless they say
 * otherwise.
 */
class Utf8FormBodiesTests {

	private static final ResolvableType FORM = ResolvableType.forClassWithGenerics(MultiValueMap.class, String.class,
			String.class);

	private static final MediaType LATIN_1_FORM = MediaType
		.parseMediaType("application/x-www-form-urlencoded; charset=ISO-8859-1");

	@Test
	void aFormInUtf8IsReadAsBefore() {
		StepVerifier
			.create(read(MediaType.APPLICATION_FORM_URLENCODED,
					"a=Stra%C3%9Fe&b=x+y&c=ü".getBytes(StandardCharsets.UTF_8)))
			.assertNext((form) -> assertThat(form.toSingleValueMap())
				.isEqualTo(Map.of("a", "Straße", "b", "x y", "c", "ü")))
			.verifyComplete();
	}

	@Test
	void percentEncodedOrRawBytesThatAreNotUtf8AreRefused() {
		for (byte[] body : new byte[][] { ascii("a=Stra%DFe"), ascii("a=%C0%AF"), ascii("a=%ED%A0%80"),
				{ 'a', '=', (byte) 0xDF } }) {
			StepVerifier.create(read(MediaType.APPLICATION_FORM_URLENCODED, body))
				.expectErrorSatisfies((failure) -> assertThat(failure).isInstanceOfSatisfying(
						InvalidFieldsException.class,
						(invalid) -> assertThat(invalid.fields()).extracting(InvalidField::field).containsExactly("a")))
				.verify();
		}
	}

	@Test
	void theFirstFieldThatIsNotUtf8IsNamedWhereItsNameIsReadable() {
		assertThat(Utf8FormBodies.undecodableField(ascii("api_key=k&lat=1&description=%ED%A0%80x&last_name=%FF")))
			.isEqualTo("description");
		assertThat(Utf8FormBodies.undecodableField(ascii("first+name=%C0%AF"))).isEqualTo("first name");
		assertThat(Utf8FormBodies.undecodableField(new byte[] { 'n', '=', 'o', '&', 'x', '=', (byte) 0xDF }))
			.isEqualTo("x");
		assertThat(Utf8FormBodies.undecodableField(ascii("a=1&%FF=2"))).isEqualTo("form");
		assertThat(Utf8FormBodies.undecodableField(ascii("a=1&=%FF"))).isEqualTo("form");
		assertThat(Utf8FormBodies.undecodableField(ascii("a=1&%zz%FF=2"))).isEqualTo("form");
	}

	@Test
	void aFormNamingLatin1IsReadInIt() {
		StepVerifier.create(read(LATIN_1_FORM, ascii("a=Stra%DFe")))
			.assertNext((form) -> assertThat(form.getFirst("a")).isEqualTo("Straße"))
			.verifyComplete();
	}

	@Test
	void aFormOverTheLimitIsRefusedAsTooLarge() {
		StepVerifier.create(read(MediaType.APPLICATION_FORM_URLENCODED, ascii("a=" + "b".repeat(200))))
			.expectError(DataBufferLimitException.class)
			.verify();
	}

	@Test
	void otherBodiesAreLeftAsTheyCame() {
		MockServerHttpRequest json = MockServerHttpRequest.post("/").contentType(MediaType.APPLICATION_JSON).body("{}");
		assertThat(Utf8FormBodies.checked(json, 100)).isSameAs(json);
		MockServerHttpRequest latin = MockServerHttpRequest.post("/").contentType(LATIN_1_FORM).body("a=%DF");
		assertThat(Utf8FormBodies.checked(latin, 100)).isSameAs(latin);
		for (String type : new String[] { "garbage", "application/x-www-form-urlencoded; charset=utf-99",
				"a/b; x=\"" }) {
			MockServerHttpRequest unreadable = MockServerHttpRequest.post("/").header("Content-Type", type).build();
			assertThat(Utf8FormBodies.checked(unreadable, 100)).isSameAs(unreadable);
		}
	}

	private static Mono<MultiValueMap<String, String>> read(MediaType type, byte[] body) {
		MockServerHttpRequest request = MockServerHttpRequest.post("/")
			.contentType(type)
			.body(reactor.core.publisher.Flux
				.just(org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance.wrap(body)));
		return new FormHttpMessageReader().readMono(FORM, Utf8FormBodies.checked(request, 100), Map.of());
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
