package de.quartierdispatch.board;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import de.quartierdispatch.board.BoardMessage.Placed;
import de.quartierdispatch.geo.Quarters;
import de.quartierdispatch.security.Role;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.security.StaffSessions;
import de.quartierdispatch.system.WholeNumbers;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.http.HttpCookie;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /ws/board?since=<seq>}: the board's event stream. Push only; commands go over
 * REST.
 *
 * <p>
 * A board says the last sequence number it applied. The connection first subscribes to
 * the live feed (into this connection's bounded buffer), then replays everything after
 * that number from the table, then continues with the buffered and live events, dropping
 * what the replay already sent: no gap and no duplicate at the seam. A board too far
 * behind is told to reload the snapshot. Team leads limited to some quarters only get
 * those quarters' incidents; field members only get brief notices about their own team
 * and the incidents it works on.
 *
 * <p>
 * Close codes: 1001 the instance is stopping (continue on another), 1002 a frame with
 * reserved bits set (no extension is negotiated), 1007 a text frame that is not UTF-8,
 * 4000 reload the snapshot, 4001 signed out, 4002 no answer to pings, 4008 too slow
 * (resume with since), 4029 too many boards open.
 */
@Component
class BoardWebSocketHandler implements WebSocketHandler {

	private static final Logger logger = LoggerFactory.getLogger(BoardWebSocketHandler.class);

	static final CloseStatus RELOAD = new CloseStatus(4000, "reload the snapshot");

	static final CloseStatus TOO_SLOW = new CloseStatus(4008, "too slow");

	private final BoardFeed feed;

	private final BoardEvents events;

	private final BoardSessions sessions;

	private final BoardWatchdog watchdog;

	private final BoardProperties properties;

	private final Quarters quarters;

	private final Clock clock;

	private final MeterRegistry meters;

	BoardWebSocketHandler(BoardFeed feed, BoardEvents events, BoardSessions sessions, BoardWatchdog watchdog,
			BoardProperties properties, Quarters quarters, Clock clock, MeterRegistry meters) {
		this.feed = feed;
		this.events = events;
		this.sessions = sessions;
		this.watchdog = watchdog;
		this.properties = properties;
		this.quarters = quarters;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Who is watching and what they may see are found first and then let go of: without
	 * {@code onTerminateDetach} the finished look-ups (the session's row, its statement
	 * and result) stayed reachable from the stream for as long as the board was open,
	 * about 17 KB for each board.
	 */
	@Override
	public Mono<Void> handle(WebSocketSession session) {
		return session.getHandshakeInfo()
			.getPrincipal()
			.cast(Authentication.class)
			.map((authentication) -> (StaffPrincipal) authentication.getPrincipal())
			.flatMap((staff) -> audienceOf(staff).map((audience) -> new Viewer(staff, audience)))
			.onTerminateDetach()
			.flatMap((viewer) -> serve(session, viewer.staff(), viewer.audience()));
	}

	private Mono<Void> serve(WebSocketSession session, StaffPrincipal staff, Audience audience) {
		Sinks.One<CloseStatus> closeWith = this.sessions.open(staff.userId(), token(session),
				this.properties.maxConnectionsPerUser());
		AtomicLong lastProcessed = new AtomicLong(since(session.getHandshakeInfo().getUri()));
		AtomicLong lastAnswer = new AtomicLong(this.clock.millis());
		Flux<WebSocketMessage> outbound = Flux.merge(
				events(lastProcessed, audience, closeWith).map(session::textMessage),
				heartbeats(session, lastProcessed),
				this.watchdog.reasonsToClose(lastAnswer, token(session))
					.doOnNext(closeWith::tryEmitValue)
					.thenMany(Flux.<WebSocketMessage>empty()));
		// The outbound stream ends when a reason to close arises; only then is the close
		// frame sent, so that it is not lost with a cancelled send.
		Mono<Void> outboundThenClose = session.send(outbound.takeUntilOther(closeWith.asMono()))
			.then(Mono
				.defer(() -> closeWith.asMono().doOnNext((status) -> closing(staff, status)).flatMap(session::close)));
		return Mono.firstWithSignal(inbound(session, lastAnswer, closeWith), outboundThenClose)
			.doFinally((signal) -> this.sessions.closed(staff.userId(), closeWith));
	}

	/**
	 * The events this board may see: those it missed (or a request to reload), a notice
	 * that it is live, then the live ones, none twice. The live feed is subscribed before
	 * the replay starts and let go when the stream ends.
	 */
	private Flux<String> events(AtomicLong lastProcessed, Audience audience, Sinks.One<CloseStatus> closeWith) {
		return Flux
			.using(() -> new LiveBuffer(this.feed, this.properties.sessionBuffer(), closeWith, TOO_SLOW),
					(live) -> replayOrReload(lastProcessed.get(), closeWith)
						.concatWith(Flux.defer(() -> Flux.just(raw(liveNotice(lastProcessed.get())))))
						.concatWith(live.events()),
					LiveBuffer::dispose)
			.filter((message) -> message.seq() < 0 || message.seq() > lastProcessed.get())
			.doOnNext((message) -> lastProcessed.set(Math.max(lastProcessed.get(), message.seq())))
			.mapNotNull((message) -> (message.seq() < 0) ? message.full().placed() : audience.view(message));
	}

	/**
	 * A heartbeat with the last sequence number sent (and {@code behind} while this
	 * instance cannot read new events), and a ping the board must answer.
	 */
	private Flux<WebSocketMessage> heartbeats(WebSocketSession session, AtomicLong lastProcessed) {
		return Flux.interval(this.properties.heartbeat())
			.flatMapIterable((tick) -> List.of(session.textMessage(heartbeat(lastProcessed.get())),
					session.pingMessage((factory) -> factory.wrap(new byte[] { 1 }))));
	}

	/**
	 * What the board sends: any frame shows it is alive; text must be UTF-8, and no frame
	 * may set reserved bits.
	 */
	private Mono<Void> inbound(WebSocketSession session, AtomicLong lastAnswer, Sinks.One<CloseStatus> closeWith) {
		return session.receive().doOnNext((message) -> {
			lastAnswer.set(this.clock.millis());
			CloseStatus refusal = ClientFrames.refusal(message);
			if (refusal != null) {
				closeWith.tryEmitValue(refusal);
			}
		}).then();
	}

	private void closing(StaffPrincipal staff, CloseStatus status) {
		logger.info("Closing a board of account {}: {}", staff.userId(), status);
		this.meters.counter("quartier.board.closed", "code", Integer.toString(status.getCode())).increment();
	}

	/**
	 * Everything after {@code since} from the table, or, when the board is too far behind
	 * (or has nothing yet, or what it missed has been pruned), a request to reload the
	 * snapshot and continue from there.
	 */
	private Flux<BoardMessage> replayOrReload(long since, Sinks.One<CloseStatus> closeWith) {
		return this.events.retained().flatMapMany((retained) -> {
			if (!retained.replayableAfter(since) || retained.last() - since > this.properties.replayWindow()) {
				Mono<BoardMessage> close = Mono.fromRunnable(() -> closeWith.tryEmitValue(RELOAD));
				return Flux.just(raw(reloadNotice(retained.last()))).concatWith(close).concatWith(Flux.never());
			}
			return this.events.after(since, this.properties.replayWindow());
		});
	}

	/** What this staff member may see of the stream. */
	private Mono<Audience> audienceOf(StaffPrincipal staff) {
		if (staff.has(Role.DISPATCHER)) {
			if (staff.quarterScope().isEmpty()) {
				return Mono.just((message) -> message.full().placed());
			}
			return this.quarters.codesOf(staff.quarterScope()).map((codes) -> (message) -> message.within(codes));
		}
		Long team = staff.teamId();
		return Mono.just((message) -> (team != null
				&& (team.equals(message.teamId()) || message.teamsOnIncident().contains(team))) ? message.brief()
						: null);
	}

	private static long since(URI uri) {
		String since = UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("since");
		try {
			return (since != null && WholeNumbers.isDecimal(since)) ? Long.parseLong(since) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static @Nullable String token(WebSocketSession session) {
		HttpCookie cookie = session.getHandshakeInfo().getCookies().getFirst(StaffSessions.COOKIE);
		return (cookie != null) ? cookie.getValue() : null;
	}

	private BoardMessage raw(String json) {
		return new BoardMessage(-1, null, null, Set.of(), null, Set.of(), null, new Placed(json, null), null, json);
	}

	private String heartbeat(long seq) {
		String behind = this.feed.isBehind() ? ",\"behind\":true" : "";
		return "{\"type\":\"heartbeat\",\"seq\":" + seq + ",\"at\":\"" + this.clock.instant() + "\"" + behind + "}";
	}

	private static String liveNotice(long seq) {
		return "{\"type\":\"live\",\"seq\":" + seq + "}";
	}

	private static String reloadNotice(long seq) {
		return "{\"type\":\"reload\",\"seq\":" + seq + "}";
	}

	private record Viewer(StaffPrincipal staff, Audience audience) {
	}

	/**
	 * Who is watching decides what of an event they get: the full message, a brief
	 * notice, or nothing ({@code null}).
	 */
	@FunctionalInterface
	interface Audience extends Function<BoardMessage, @Nullable String> {

		default @Nullable String view(BoardMessage message) {
			return apply(message);
		}

	}

}
