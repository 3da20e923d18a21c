package de.quartierdispatch.system;

import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * What a reactive {@code @Scheduled} method returns. Spring calls such a method once, at
 * start-up, and subscribes to the Mono it returned at every run; a run built when the
 * method is called would read the clock once for good (a sender that took the time of
 * start-up found nothing due after its first run). Built at each subscription instead,
 * every run starts anew.
 */
public final class ScheduledRun {

	private ScheduledRun() {
	}

	public static Mono<Void> eachTime(Supplier<Mono<Void>> run) {
		return Mono.defer(run);
	}

}
