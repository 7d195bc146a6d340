package dev.ipmi.lanplus.sol;

import dev.ipmi.core.sol.SolEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A fake network between {@link SolStateMachine} and {@link FakeSolBmc} driven by simulated time:
 * drops, duplicates and delays (so reorders) datagrams with a seeded random source, and runs until
 * both directions are complete or a step bound is hit.
 */
final class SolLink {
    record Flight(long at, long order, boolean toBmc, byte[] payload) {}

    final SolDriver console;
    final FakeSolBmc bmc;
    private final Random random;
    private final double loss;
    private final double duplication;
    private final long latency;
    private final long jitter;
    private final PriorityQueue<Flight> inFlight = new PriorityQueue<>((a, b) ->
            a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private long order;
    long now;
    long consoleTimer = Long.MAX_VALUE;
    final java.io.ByteArrayOutputStream delivered = new java.io.ByteArrayOutputStream();
    final List<SolEvent> events = new ArrayList<>();
    SolAction.Closed closed;
    int keepalives;
    int datagrams;

    SolLink(SolDriver console, FakeSolBmc bmc, long seed, double loss, double duplication, long latency,
            long jitter) {
        this.console = console;
        this.bmc = bmc;
        this.random = new Random(seed);
        this.loss = loss;
        this.duplication = duplication;
        this.latency = latency;
        this.jitter = jitter;
    }

    void apply(List<SolAction> actions) {
        for (SolAction a : actions) {
            if (a instanceof SolAction.Send s) {
                transmit(true, s.payload().toByteArray());
            } else if (a instanceof SolAction.Deliver d) {
                delivered.writeBytes(d.data().toByteArray());
            } else if (a instanceof SolAction.ArmTimer t) {
                consoleTimer = t.atMillis();
            } else if (a instanceof SolAction.Status st) {
                events.add(st.event());
            } else if (a instanceof SolAction.Keepalive) {
                keepalives++;
            } else if (a instanceof SolAction.Closed c) {
                closed = c;
            }
        }
    }

    void transmit(boolean toBmc, byte[] payload) {
        datagrams++;
        if (random.nextDouble() < loss) {
            return;
        }
        int copies = random.nextDouble() < duplication ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            long delay = latency + (jitter > 0 ? (long) (random.nextDouble() * jitter) : 0);
            inFlight.add(new Flight(now + delay, order++, toBmc, payload));
        }
    }

    /** Runs one event; false when nothing is left to happen. */
    boolean step() {
        long next = Math.min(consoleTimer, bmc.nextTick());
        Flight f = inFlight.peek();
        if (f != null && f.at <= next) {
            inFlight.poll();
            now = Math.max(now, f.at);
            if (f.toBmc) {
                for (byte[] b : bmc.onPayload(f.payload, now)) {
                    transmit(false, b);
                }
            } else {
                apply(console.onInboundPayload(f.payload, now));
            }
            return true;
        }
        if (next == Long.MAX_VALUE) {
            return false;
        }
        now = Math.max(now, next);
        if (consoleTimer <= now) {
            consoleTimer = Long.MAX_VALUE;
            apply(console.onTimer(now));
        }
        if (bmc.nextTick() <= now) {
            for (byte[] b : bmc.onTick(now)) {
                transmit(false, b);
            }
        }
        return true;
    }
}
