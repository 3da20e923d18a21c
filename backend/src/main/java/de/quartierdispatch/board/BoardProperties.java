package de.quartierdispatch.board;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The board's stream.
 *
 * @param replayWindow how many events a reconnecting board may be behind and still be
 * replayed to; further behind, it reloads the snapshot
 * @param sessionBuffer events buffered per board connection; a board that falls further
 * behind (a slow network, a sleeping tab) is disconnected and resumes from where it was
 * @param heartbeat how often the server tells a board it is live (and pings it)
 * @param deadAfter a board that has not answered for this long is disconnected
 * @param sessionCheck how often an open board's sign-in is checked (sign-out, disabling,
 * timeouts end it)
 * @param maxConnectionsPerUser open boards one account may have on one instance
 * @param maxFramePayload the largest frame a board may send (it only answers pings)
 * @param pollInterval how often each instance looks for events in case a notification was
 * missed
 */
@ConfigurationProperties("quartier.board")
record BoardProperties(@DefaultValue("10000") int replayWindow, @DefaultValue("2048") int sessionBuffer,
		@DefaultValue("10s") Duration heartbeat, @DefaultValue("35s") Duration deadAfter,
		@DefaultValue("60s") Duration sessionCheck, @DefaultValue("5") int maxConnectionsPerUser,
		@DefaultValue("1024") int maxFramePayload, @DefaultValue("5s") Duration pollInterval) {
}
