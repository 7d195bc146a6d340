package dev.ipmi.micrometer;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.event.DropReason;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.fleet.FleetEventListener;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer meters for a fleet, tagged {@code bmc=<name>}: pass it to
 * {@code IpmiFleet.builder(directory).listener(new IpmiFleetMetrics(registry))}.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>what</th></tr>
 *   <tr><td>{@code ipmi.request}</td><td>timer</td><td>round trip of answered requests (tag {@code cc}: completion code, hex)</td></tr>
 *   <tr><td>{@code ipmi.request.retransmissions}</td><td>counter</td><td>requests sent again for want of a reply</td></tr>
 *   <tr><td>{@code ipmi.request.timeouts}</td><td>counter</td><td>requests that got no reply within the retry policy</td></tr>
 *   <tr><td>{@code ipmi.request.failures}</td><td>counter</td><td>requests that failed without a reply for another reason</td></tr>
 *   <tr><td>{@code ipmi.packets.dropped}</td><td>counter</td><td>received datagrams discarded (tag {@code reason})</td></tr>
 *   <tr><td>{@code ipmi.session.logins}</td><td>counter</td><td>sessions opened (re-logins included)</td></tr>
 *   <tr><td>{@code ipmi.session.discarded}</td><td>counter</td><td>sessions the fleet found dead and replaced</td></tr>
 *   <tr><td>{@code ipmi.sessions.open}</td><td>gauge</td><td>sessions open now</td></tr>
 * </table>
 *
 * The listener methods run on the I/O thread; Micrometer's meters are lock-free, so this is cheap.
 * Works for a single {@code IpmiClient} too: {@link #forBmc(String)} gives its listener.
 */
public final class IpmiFleetMetrics implements FleetEventListener {
    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, PerBmc> bmcs = new ConcurrentHashMap<>();

    public IpmiFleetMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public IpmiEventListener forBmc(String name) {
        return bmcs.computeIfAbsent(name, PerBmc::new);
    }

    @Override
    public void sessionDiscarded(String name, Throwable cause) {
        forBmcMeters(name).discarded.increment();
    }

    private PerBmc forBmcMeters(String name) {
        return bmcs.computeIfAbsent(name, PerBmc::new);
    }

    private final class PerBmc implements IpmiEventListener {
        private final Tags tags;
        private final Counter retransmissions;
        private final Counter timeouts;
        private final Counter failures;
        private final Counter logins;
        private final Counter discarded;
        private final AtomicInteger open = new AtomicInteger();
        private final ConcurrentHashMap<Integer, Timer> timers = new ConcurrentHashMap<>();

        PerBmc(String name) {
            this.tags = Tags.of("bmc", name);
            this.retransmissions = registry.counter("ipmi.request.retransmissions", tags);
            this.timeouts = registry.counter("ipmi.request.timeouts", tags);
            this.failures = registry.counter("ipmi.request.failures", tags);
            this.logins = registry.counter("ipmi.session.logins", tags);
            this.discarded = registry.counter("ipmi.session.discarded", tags);
            Gauge.builder("ipmi.sessions.open", open, AtomicInteger::get).tags(tags).register(registry);
        }

        @Override
        public void sessionOpened(SocketAddress bmc, int sessionId, String description) {
            logins.increment();
            open.incrementAndGet();
        }

        @Override
        public void sessionClosed(SocketAddress bmc, int sessionId, Throwable cause) {
            open.updateAndGet(n -> Math.max(0, n - 1));
        }

        @Override
        public void requestRetransmitted(SocketAddress bmc, CommandId id, int rqSeq, int attempt) {
            retransmissions.increment();
        }

        @Override
        public void requestAnswered(SocketAddress bmc, CommandId id, int rqSeq, int completionCode, int attempts,
                                    Duration elapsed) {
            timers.computeIfAbsent(completionCode, cc -> registry.timer("ipmi.request",
                    tags.and("cc", String.format("%02X", cc)))).record(elapsed);
        }

        @Override
        public void requestFailed(SocketAddress bmc, CommandId id, Throwable error) {
            (error instanceof IpmiTimeoutException ? timeouts : failures).increment();
        }

        @Override
        public void packetDropped(SocketAddress bmc, DropReason reason, String detail) {
            registry.counter("ipmi.packets.dropped", tags.and("reason", String.valueOf(reason))).increment();
        }
    }
}
