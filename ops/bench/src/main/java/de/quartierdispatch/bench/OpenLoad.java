package de.quartierdispatch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.core.publisher.Mono;

/**
 * A fixed arrival rate (the open workload model): request n is due at start + n / rate,
 * is sent then whether or not earlier ones have been answered, and its latency counts
 * from when it was due. A server that slows down therefore shows its full delay instead
 * of slowing the load (no coordinated omission).
 */
final class OpenLoad {

	private OpenLoad() {
	}

	/**
	 * Runs {@code rate} requests per second for {@code duration}; {@code request} gets
	 * the request's number.
	 */
	static Result run(int rate, Duration duration, LongFunction<Mono<Api.Outcome>> request)
			throws InterruptedException {
		long total = rate * duration.toSeconds();
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		Recorder recorder = new Recorder(3);
		Histogram all = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
		List<Histogram> perSecond = new ArrayList<>();
		AtomicLong errors = new AtomicLong();
		List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch answered = new CountDownLatch((int) total);
		long start = System.nanoTime();
		long nextSecond = start + TimeUnit.SECONDS.toNanos(1);
		for (long n = 0; n < total; n++) {
			long due = start + n * interval;
			LockSupport.parkNanos(due - System.nanoTime());
			if (System.nanoTime() >= nextSecond) {
				perSecond.add(intervalOf(recorder, all));
				nextSecond += TimeUnit.SECONDS.toNanos(1);
			}
			request.apply(n).subscribe((outcome) -> {
				recorder.recordValue(Math.min(System.nanoTime() - due, TimeUnit.MINUTES.toNanos(1)));
				if (!outcome.accepted()) {
					errors.incrementAndGet();
					if (errorSamples.size() < 5) {
						errorSamples.add(outcome.status() + " " + outcome.body());
					}
				}
				answered.countDown();
			}, (ex) -> {
				errors.incrementAndGet();
				if (errorSamples.size() < 5) {
					errorSamples.add(ex.toString());
				}
				answered.countDown();
			});
		}
		boolean complete = answered.await(60, TimeUnit.SECONDS);
		perSecond.add(intervalOf(recorder, all));
		long unanswered = complete ? 0 : answered.getCount();
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(total, errors.get() + unanswered, all, perSecond, seconds, List.copyOf(errorSamples));
	}

	private static Histogram intervalOf(Recorder recorder, Histogram all) {
		Histogram interval = recorder.getIntervalHistogram();
		all.add(interval);
		return interval;
	}

	/**
	 * What a run measured.
	 *
	 * @param sent requests sent
	 * @param errors requests not accepted (any answer but 201, or none)
	 * @param latency latency from due time to answer, nanoseconds
	 * @param perSecond the same, second by second
	 * @param seconds wall time until the last answer
	 * @param errorSamples the first few errors, for the report
	 */
	record Result(long sent, long errors, Histogram latency, List<Histogram> perSecond, double seconds,
			List<String> errorSamples) {
	}

}
