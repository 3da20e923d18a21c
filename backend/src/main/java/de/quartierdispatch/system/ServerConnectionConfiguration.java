package de.quartierdispatch.system;

import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP server's connections: which forwarded headers to believe
 * ({@link TrustedProxies}), how long a request's headers and body may take
 * ({@link HeaderReadTimeout}; the idle timeout between requests is Spring Boot's
 * {@code server.netty.idle-timeout}), problem details for the requests Netty refuses
 * itself ({@link DecodingFailureProblems}), a WebSocket client's broken frames as the
 * client's fault ({@link MalformedWebSocketFrames}), and the HTTP versions spoken
 * ({@link ProtocolVersions}).
 */
@Configuration(proxyBeanMethods = false)
class ServerConnectionConfiguration {

	@Bean
	NettyServerCustomizer serverConnections(ServerConnectionProperties properties, MessageSource messages,
			JsonMapper json) {
		DecodingFailureProblems problems = new DecodingFailureProblems(messages, json);
		TrustedProxies proxies = TrustedProxies.parse(properties.trustedProxies());
		boolean forwarded = "native".equalsIgnoreCase(properties.forwardHeadersStrategy());
		return (server) -> {
			var configured = server.readTimeout(properties.bodyReadTimeout())
				.doOnChannelInit((observer, channel, remote) -> {
					if (channel.pipeline().get(NettyPipeline.HttpCodec) == null) {
						return;
					}
					HeaderReadTimeout timeout = new HeaderReadTimeout(properties.headerReadTimeout());
					channel.pipeline()
						.addBefore(NettyPipeline.HttpCodec, HeaderReadTimeout.FIRST_BYTE_NAME, timeout.firstByte());
					channel.pipeline().addAfter(NettyPipeline.HttpCodec, HeaderReadTimeout.NAME, timeout);
					channel.pipeline().addAfter(NettyPipeline.HttpCodec, DecodingFailureProblems.NAME, problems);
					channel.pipeline()
						.addAfter(NettyPipeline.HttpCodec, MalformedWebSocketFrames.NAME,
								MalformedWebSocketFrames.INSTANCE);
					channel.pipeline()
						.addAfter(NettyPipeline.HttpCodec, ProtocolVersions.NAME, new ProtocolVersions(problems));
				});
			return forwarded ? configured.forwarded(proxies) : configured.forwarded(false);
		};
	}

}
