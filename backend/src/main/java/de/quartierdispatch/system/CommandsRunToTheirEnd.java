package de.quartierdispatch.system;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;

/**
 * A request that changes something runs to its end once the server has taken it, also
 * when the client goes away meanwhile. The client's leaving cancelled the handling, and
 * with it the transaction: its rollback raced a statement already on its way, which then
 * committed alone (an incident without its report, twice in 3,300 submissions cut off
 * mid-request). A client that left learns the outcome by reading, or by sending again
 * under its Idempotency-Key. Reading requests, WebSocket handshakes among them, are still
 * cancelled: they write nothing that could be left half done.
 */
@Configuration(proxyBeanMethods = false)
class CommandsRunToTheirEnd {

	@Bean
	HttpHandlerDecoratorFactory commandsDetachedFromTheirClients() {
		return (handler) -> (request,
				response) -> changesSomething(request.getMethod()) ? Mono.deferContextual((context) -> Mono.fromFuture(
						handler.handle(new LeavingSaidAsSuch(request), response).contextWrite(context).toFuture(),
						true)) : handler.handle(request, response);
	}

	private static boolean changesSomething(HttpMethod method) {
		return !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method));
	}

	/**
	 * A reset while the body is read is the client leaving, said as such: the handlers
	 * log it at debug. No longer cancelled, it reached them as an I/O error, an ERROR
	 * with its stack trace that anyone could write into the log.
	 */
	private static final class LeavingSaidAsSuch extends ServerHttpRequestDecorator {

		LeavingSaidAsSuch(ServerHttpRequest request) {
			super(request);
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return super.getBody().onErrorMap(AbortedException::isConnectionReset, AbortedException::new);
		}

	}

}
