package de.quartierdispatch.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP server that speaks the protocol up to {@code RCPT TO} and answers it with the
 * reply it was given: a mailbox that does not exist (550) or one that is full for now
 * (452). GreenMail accepts every recipient, so it cannot show the difference.
 */
final class RefusingSmtpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final String recipientReply;

	private RefusingSmtpServer(String recipientReply) throws IOException {
		this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
		this.recipientReply = recipientReply;
		Thread accepting = new Thread(this::accept, "refusing-smtp");
		accepting.setDaemon(true);
		accepting.start();
	}

	/** Starts a server whose answer to every recipient is {@code recipientReply}. */
	static RefusingSmtpServer answering(String recipientReply) throws IOException {
		return new RefusingSmtpServer(recipientReply);
	}

	int port() {
		return this.socket.getLocalPort();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try (Socket client = this.socket.accept()) {
				converse(client);
			}
			catch (IOException ex) {
				if (!this.socket.isClosed()) {
					throw new UncheckedIOException(ex);
				}
			}
		}
	}

	private void converse(Socket client) throws IOException {
		BufferedReader in = new BufferedReader(
				new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
		PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
		out.print("220 refusing.example ESMTP\r\n");
		out.flush();
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			String command = line.toUpperCase(Locale.ROOT);
			String reply = command.startsWith("RCPT") ? this.recipientReply : command.startsWith("QUIT") ? "221 bye"
					: command.startsWith("DATA") ? "503 no recipient" : "250 ok";
			out.print(reply + "\r\n");
			out.flush();
			if (command.startsWith("QUIT")) {
				return;
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
