package de.quartierdispatch.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A city system's webhook endpoint: a real HTTP server (the JDK's) that keeps every
 * request it gets, answers with the statuses it is told to (then 204), and lets tests
 * wait for requests with a timeout.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	private final List<Received> all = new java.util.concurrent.CopyOnWriteArrayList<>();

	WebhookReceiver(Integer... firstStatuses) throws IOException {
		this.statuses.addAll(List.of(firstStatuses));
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/hook", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			Integer status = this.statuses.poll();
			int answer = (status != null) ? status : 204;
			Received request = new Received(exchange.getRequestHeaders().getFirst("X-Quartier-Signature"),
					exchange.getRequestHeaders().getFirst("X-Quartier-Delivery"),
					exchange.getRequestHeaders().getFirst("X-Quartier-Event"),
					new String(body.readAllBytes(), StandardCharsets.UTF_8), answer);
			exchange.sendResponseHeaders(answer, -1);
			this.all.add(request);
			this.received.add(request);
		}
		finally {
			exchange.close();
		}
	}

	Received next(Duration timeout) throws InterruptedException {
		Received request = this.received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (request == null) {
			throw new AssertionError("No webhook request within " + timeout + "; so far: " + this.all);
		}
		return request;
	}

	List<Received> all() {
		return new ArrayList<>(this.all);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A request as received.
	 *
	 * @param signature the {@code X-Quartier-Signature} header
	 * @param delivery the {@code X-Quartier-Delivery} header
	 * @param event the {@code X-Quartier-Event} header
	 * @param body the body
	 * @param answered the status it was answered with
	 */
	record Received(String signature, String delivery, String event, String body, int answered) {
	}

}
