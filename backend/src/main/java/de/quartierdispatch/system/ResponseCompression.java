package de.quartierdispatch.system;

import reactor.netty.http.server.compression.DeflateOption;
import reactor.netty.http.server.compression.GzipOption;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the server compresses as it writes (server.compression: the API's JSON, the
 * pages), it compresses at a fast level. The largest answer, a board's snapshot of 10,000
 * incidents (about 4.4 MB of JSON), took 22 ms at zlib's default level 6 and takes 10 ms
 * at level 3, a third larger, on the board's office network; the pages' styles and
 * scripts, which phones fetch on slow networks, are compressed once at the strongest
 * level ({@link LoadedResources}) and not again.
 */
@Configuration(proxyBeanMethods = false)
class ResponseCompression {

	static final int LEVEL = 3;

	@Bean
	NettyServerCustomizer fastCompression() {
		return (server) -> server.compressOptions(GzipOption.builder().compressionLevel(LEVEL).build(),
				DeflateOption.builder().compressionLevel(LEVEL).build());
	}

}
