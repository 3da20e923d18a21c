package de.quartierdispatch.system;

import java.time.Duration;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * The database connections' event loops, with a {@link SilentDatabaseGuard} in front of
 * every channel made on them: the driver offers no other way into its connections'
 * pipelines (r2dbc-postgresql has no client-side read timeout, issue 728), but it makes
 * every channel through these loops.
 */
final class GuardedLoopResources implements LoopResources {

	private final LoopResources loops;

	private final long patienceNanos;

	GuardedLoopResources(LoopResources loops, Duration patience) {
		this.loops = loops;
		this.patienceNanos = patience.toNanos();
	}

	@Override
	public <C extends Channel> C onChannel(Class<C> channelType, EventLoopGroup group) {
		C channel = this.loops.onChannel(channelType, group);
		channel.pipeline().addFirst("silentDatabaseGuard", new SilentDatabaseGuard(this.patienceNanos));
		return channel;
	}

	@Override
	public <C extends Channel> Class<? extends C> onChannelClass(Class<C> channelType, EventLoopGroup group) {
		return this.loops.onChannelClass(channelType, group);
	}

	@Override
	public EventLoopGroup onClient(boolean useNative) {
		return this.loops.onClient(useNative);
	}

	@Override
	public EventLoopGroup onServer(boolean useNative) {
		return this.loops.onServer(useNative);
	}

	@Override
	public EventLoopGroup onServerSelect(boolean useNative) {
		return this.loops.onServerSelect(useNative);
	}

	@Override
	public boolean daemon() {
		return this.loops.daemon();
	}

	@Override
	public boolean isDisposed() {
		return this.loops.isDisposed();
	}

	@Override
	public void dispose() {
		this.loops.dispose();
	}

	@Override
	public Mono<Void> disposeLater(Duration quietPeriod, Duration timeout) {
		return this.loops.disposeLater(quietPeriod, timeout);
	}

}
