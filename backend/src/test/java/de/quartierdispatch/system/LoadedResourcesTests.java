package de.quartierdispatch.system;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.web.server.Compression;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.resource.HttpResource;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files' gzip form follows the server's compression settings: none when compression
 * is off, none below its size or outside its types.
 */
class LoadedResourcesTests {

	private static final String SCRIPT = "static/js/core/api.js";

	@Test
	void aFileIsGzippedOnlyWhenTheServerWouldCompressIt() {
		Compression on = compression(true, DataSize.ofBytes(1024));
		assertThat(contentEncoding(new LoadedResources(on), SCRIPT, "gzip")).isEqualTo("gzip");
		assertThat(contentEncoding(new LoadedResources(on), SCRIPT, "br")).isNull();

		assertThat(contentEncoding(new LoadedResources(compression(false, DataSize.ofBytes(1024))), SCRIPT, "gzip"))
			.isNull();
		assertThat(contentEncoding(new LoadedResources(compression(true, DataSize.ofMegabytes(1))), SCRIPT, "gzip"))
			.isNull();
		Compression onlyJson = compression(true, DataSize.ofBytes(1024));
		onlyJson.setMimeTypes(new String[] { "application/json" });
		assertThat(contentEncoding(new LoadedResources(onlyJson), SCRIPT, "gzip")).isNull();
	}

	private static Compression compression(boolean enabled, DataSize minSize) {
		Compression compression = new Compression();
		compression.setEnabled(enabled);
		compression.setMinResponseSize(minSize);
		return compression;
	}

	private static String contentEncoding(LoadedResources resources, String file, String acceptEncoding) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/js/core/api.js").header(HttpHeaders.ACCEPT_ENCODING, acceptEncoding));
		ResourceResolverChain found = new ResourceResolverChain() {

			@Override
			public Mono<Resource> resolveResource(ServerWebExchange exchange, String requestPath,
					List<? extends Resource> locations) {
				return Mono.just(new ClassPathResource(file));
			}

			@Override
			public Mono<String> resolveUrlPath(String resourcePath, List<? extends Resource> locations) {
				return Mono.just(resourcePath);
			}

		};
		Resource resource = resources.resolveResource(exchange, "js/core/api.js", List.of(), found)
			.block(Duration.ofSeconds(10));
		return ((HttpResource) resource).getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING);
	}

}
