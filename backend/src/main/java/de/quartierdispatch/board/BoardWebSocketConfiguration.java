package de.quartierdispatch.board;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import de.quartierdispatch.security.SecurityProperties;
import de.quartierdispatch.system.ProblemException;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.WebsocketServerSpec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/**
 * The board's WebSocket endpoint. Who may open it is decided by the security
 * configuration (a staff session with the right role); where from is decided here: a
 * browser's handshake from a foreign page (its {@code Origin}) is refused unless that
 * origin is configured ({@code ALLOWED_ORIGINS}). Boards only answer pings, so frames are
 * kept small.
 */
@Configuration(proxyBeanMethods = false)
class BoardWebSocketConfiguration {

	private static final String WEBSOCKET_VERSION = "Sec-WebSocket-Version";

	private static final String WEBSOCKET_KEY = "Sec-WebSocket-Key";

	private static final String SUPPORTED_VERSION = "13";

	@Bean
	HandlerMapping boardWebSocketMapping(BoardWebSocketHandler handler, SecurityProperties security) {
		SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/ws/board", handler), -1);
		CorsConfiguration origins = new CorsConfiguration();
		List<String> allowed = new ArrayList<>(security.allowedOrigins());
		allowed.removeIf(String::isBlank);
		origins.setAllowedOrigins(allowed);
		origins.setAllowedMethods(List.of("GET"));
		origins.setAllowCredentials(!allowed.isEmpty());
		mapping.setCorsConfigurations(Map.of("/ws/board", origins));
		mapping.setCorsProcessor(new ForeignHandshakeRefusal());
		return mapping;
	}

	@Bean
	WebSocketHandlerAdapter webSocketHandlerAdapter(BoardProperties properties) {
		return new WebSocketHandlerAdapter(webSocketService(properties));
	}

	private static WebSocketService webSocketService(BoardProperties properties) {
		ReactorNettyRequestUpgradeStrategy strategy = new ReactorNettyRequestUpgradeStrategy(
				() -> WebsocketServerSpec.builder()
					.maxFramePayloadLength(properties.maxFramePayload())
					.handlePing(false));
		HandshakeWebSocketService handshakes = new HandshakeWebSocketService(strategy);
		return (exchange, handler) -> {
			String version = exchange.getRequest().getHeaders().getFirst(WEBSOCKET_VERSION);
			if (version != null && !version.trim().equals(SUPPORTED_VERSION)) {
				return Mono.error(new UnsupportedWebSocketVersionException());
			}
			String key = exchange.getRequest().getHeaders().getFirst(WEBSOCKET_KEY);
			if (key != null && !isNonce(key)) {
				// RFC 6455, 4.2.1: a handshake whose key is no 16-byte nonce is a 400.
				return Mono.error(new ServerWebInputException("Sec-WebSocket-Key is not a 16-byte nonce"));
			}
			return handshakes.handleRequest(exchange, handler);
		};
	}

	private static boolean isNonce(String key) {
		try {
			return Base64.getDecoder().decode(key.trim()).length == 16;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * A handshake for another version of the protocol than RFC 6455's: 426 naming the
	 * version spoken here, with problem details (Netty would answer with an empty body).
	 */
	static final class UnsupportedWebSocketVersionException extends ResponseStatusException {

		UnsupportedWebSocketVersionException() {
			super(HttpStatus.UPGRADE_REQUIRED);
		}

		@Override
		public HttpHeaders getHeaders() {
			HttpHeaders headers = new HttpHeaders();
			headers.set(WEBSOCKET_VERSION, SUPPORTED_VERSION);
			return headers;
		}

	}

	/**
	 * Refuses a handshake from a foreign page with problem details, like every other
	 * refusal (the framework would answer 403 with an empty body).
	 */
	static final class ForeignHandshakeRefusal extends DefaultCorsProcessor {

		@Override
		protected void rejectRequest(ServerHttpResponse response) {
			throw new ForeignHandshakeException();
		}

	}

	/** A handshake from a page of another site. */
	static final class ForeignHandshakeException extends ProblemException {

		ForeignHandshakeException() {
			super(HttpStatus.FORBIDDEN, "foreign-origin");
		}

	}

}
