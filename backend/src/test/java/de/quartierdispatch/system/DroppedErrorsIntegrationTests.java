package de.quartierdispatch.system;

import de.quartierdispatch.support.IntegrationTest;
import io.netty.util.IllegalReferenceCountException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A multipart body with more parts than allowed is refused with a 400, and what Spring's
 * parser then releases twice does not reach the log as an error, which anyone could fill
 * that way; a dropped error of any other kind still does.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DroppedErrorsIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void tooManyPartsAreRefusedAndTheBufferReleasedTwiceIsNoError(CapturedOutput output) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		for (int i = 0; i < 70; i++) {
			parts.part("part" + i, "x");
		}
		this.client.post()
			.uri("/open311/v2/requests.json")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange()
			.expectStatus()
			.isBadRequest();

		// What the parser drops goes through the hook this application installs.
		Operators.onErrorDropped(new IllegalReferenceCountException(0, 1), Context.empty());
		assertThat(output.getAll()).doesNotContain("onErrorDropped").doesNotContain("IllegalReferenceCountException");
		// The parser's late complaint about a body cut off (seen by the API probe).
		Operators.onErrorDropped(new DecodingException("Could not find end of body"), Context.empty());
		assertThat(output.getAll()).doesNotContain("Could not find end of body");
		// Or, once the connection closes, through Reactor Netty's server as an uncaught
		// exception, or Netty's pipeline (both seen in runs): the same verdict.
		LoggerFactory.getLogger("reactor.netty.transport.ServerTransport")
			.error("[e514da00] onUncaughtException(SimpleConnection)", new IllegalReferenceCountException(0, 1));
		LoggerFactory.getLogger("io.netty.channel.DefaultChannelPipeline")
			.warn("An exceptionCaught() event was fired, and it reached at the tail of the pipeline.",
					new IllegalReferenceCountException(0, 1));
		assertThat(output.getAll()).doesNotContain("onUncaughtException")
			.doesNotContain("reached at the tail")
			.doesNotContain("IllegalReferenceCountException");
		LoggerFactory.getLogger("reactor.netty.transport.ServerTransport")
			.error("[e514da01] onUncaughtException(SimpleConnection)", new IllegalStateException("another failure"));
		assertThat(output.getAll()).contains("another failure");
		Operators.onErrorDropped(new IllegalStateException("a failure of our own"), Context.empty());
		assertThat(output.getAll()).contains("An error arrived after its stream had ended")
			.contains("a failure of our own");
	}

}
