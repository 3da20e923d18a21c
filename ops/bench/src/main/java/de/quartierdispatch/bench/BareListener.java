package de.quartierdispatch.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The fan-out's limit: a bare {@code LISTEN board_event} client on plain JDBC, receiving
 * the same notifications as the instances in the same run. Its latency runs from the same
 * start (the event row's {@code clock_timestamp()}) to the notification's arrival, so the
 * difference between a board's figure and this one is what the application adds: reading
 * the event, and sending it over a thousand WebSockets.
 */
final class BareListener implements AutoCloseable {

	private static final String CHANNEL = "board_event";

	private final Connection connection;

	private final Map<Long, Long> arrivedMicros = new ConcurrentHashMap<>();

	private final Thread receiver;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private volatile boolean running = true;

	private volatile SQLException failure;

	BareListener(BenchDatabase db) throws SQLException {
		this.connection = db.connect();
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("LISTEN " + CHANNEL);
		}
		this.receiver = new Thread(this::receive, "bare-listener");
		this.receiver.setDaemon(true);
		this.receiver.start();
	}

	private void receive() {
		PGConnection pg;
		try {
			pg = this.connection.unwrap(PGConnection.class);
			while (this.running) {
				PGNotification[] notifications = pg.getNotifications(100);
				if (notifications == null) {
					continue;
				}
				long arrived = epochMicros(Instant.now());
				for (PGNotification notification : notifications) {
					if (CHANNEL.equals(notification.getName())) {
						this.arrivedMicros.putIfAbsent(Long.parseLong(notification.getParameter()), arrived);
					}
				}
			}
		}
		catch (SQLException ex) {
			this.failure = ex;
		}
		finally {
			this.stopped.countDown();
		}
	}

	/**
	 * Latency in microseconds of every event after {@code since}, from its row's time to
	 * this client; events it never heard of count as lost.
	 */
	Result result(BenchDatabase db, long since) throws SQLException, InterruptedException {
		this.running = false;
		this.stopped.await(5, TimeUnit.SECONDS);
		Histogram latency = new Histogram(3);
		long lost = 0;
		try (Connection query = db.connect();
				PreparedStatement statement = query
					.prepareStatement("SELECT seq, occurred_at FROM board_event WHERE seq > ? ORDER BY seq")) {
			statement.setLong(1, since);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					Long arrived = this.arrivedMicros.get(rows.getLong(1));
					if (arrived == null) {
						lost++;
						continue;
					}
					long at = epochMicros(rows.getObject(2, OffsetDateTime.class).toInstant());
					latency.recordValue(Math.max(0, arrived - at));
				}
			}
		}
		if (this.failure != null) {
			throw this.failure;
		}
		return new Result(latency, lost);
	}

	private static long epochMicros(Instant instant) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
	}

	@Override
	public void close() throws SQLException {
		this.running = false;
		this.connection.close();
	}

	/**
	 * What the bare client received.
	 *
	 * @param latency microseconds from the event row's time to arrival
	 * @param lost events it did not receive
	 */
	record Result(Histogram latency, long lost) {
	}

}
