package de.quartierdispatch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * A fixed number of clients, each sending its next request as soon as the previous one is
 * answered: the right model for a throughput ceiling, and the model pgbench uses, so that
 * the two are compared at the same concurrency.
 */
final class ClosedLoad {

	private ClosedLoad() {
	}

	static Result run(int clients, Duration duration, Supplier<Mono<Api.Outcome>> request) throws InterruptedException {
		AtomicLong accepted = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch finished = new CountDownLatch(clients);
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		for (int i = 0; i < clients; i++) {
			Mono.defer(request).doOnNext((outcome) -> {
				if (outcome.accepted()) {
					accepted.incrementAndGet();
				}
				else {
					errors.incrementAndGet();
					sample(errorSamples, outcome.status() + " " + outcome.body());
				}
			})
				.repeat(() -> System.nanoTime() < end)
				.doFinally((signal) -> finished.countDown())
				.subscribe(null, (ex) -> {
					errors.incrementAndGet();
					sample(errorSamples, ex.toString());
				});
		}
		if (!finished.await(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Clients still waiting 60 s after the end of the step");
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(clients, accepted.get(), errors.get(), accepted.get() / seconds, List.copyOf(errorSamples));
	}

	private static void sample(List<String> samples, String error) {
		if (samples.size() < 5) {
			samples.add(error);
		}
	}

	/**
	 * One step.
	 *
	 * @param clients concurrency
	 * @param accepted accepted submissions
	 * @param errors anything else
	 * @param perSecond accepted submissions per second
	 * @param errorSamples the first few errors
	 */
	record Result(int clients, long accepted, long errors, double perSecond, List<String> errorSamples) {
	}

}
