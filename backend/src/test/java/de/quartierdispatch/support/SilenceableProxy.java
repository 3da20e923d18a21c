package de.quartierdispatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A TCP forwarder to a server that can go silent: the connections stay open, but nothing
 * passes any more in either direction, as behind a hung proxy or in front of a frozen
 * host. Test code: plain threads and blocking sockets.
 */
public final class SilenceableProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final String targetHost;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final CountDownLatch silence = new CountDownLatch(1);

	private SilenceableProxy(String targetHost, int targetPort) throws IOException {
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		daemon(this::accept);
	}

	public static SilenceableProxy to(String host, int port) {
		try {
			return new SilenceableProxy(host, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.listener.getLocalPort();
	}

	/** From now on nothing passes; the connections stay open. */
	public void silence() {
		this.silence.countDown();
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	private void accept() {
		try {
			while (true) {
				Socket client = this.listener.accept();
				Socket server = new Socket(this.targetHost, this.targetPort);
				this.sockets.add(client);
				this.sockets.add(server);
				daemon(() -> pass(client, server));
				daemon(() -> pass(server, client));
			}
		}
		catch (IOException closed) {
			// The proxy was closed.
		}
	}

	private static void daemon(Runnable work) {
		Thread thread = new Thread(work, "silenceable-proxy");
		thread.setDaemon(true);
		thread.start();
	}

	private void pass(Socket from, Socket to) {
		byte[] buffer = new byte[8192];
		try (InputStream in = from.getInputStream()) {
			OutputStream out = to.getOutputStream();
			int read;
			while ((read = in.read(buffer)) >= 0) {
				// Once silent, what the proxy reads is swallowed: it never arrives.
				if (this.silence.getCount() > 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
		}
		catch (IOException ended) {
			// A side closed: the other is closed with the proxy.
		}
	}

}
