package dev.ipmi.lan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.LanMessage;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A lossy, reordering, delaying network in front of the tracker: whatever the BMC's answers do,
 * a response is only ever matched to the call it answers, every call finishes exactly once, the
 * window is never exceeded and no two requests in flight share an rqSeq.
 */
class RequestTrackerPropertyTest {
    private static final long MS = 1_000_000L;
    private static final CommandId[] COMMANDS = {
        CommandId.of(NetFn.APP, 0x01, "a"), CommandId.of(NetFn.APP, 0x02, "b"), CommandId.of(NetFn.CHASSIS, 0x01, "c")};

    private record Wire(RequestTracker.Pending pending, int callId, long sentAt) {}

    @Property(tries = 150)
    void responsesNeverReachTheWrongCall(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int window,
                                         @ForAll @IntRange(min = 0, max = 90) int lossPercent) {
        SplittableRandom rnd = new SplittableRandom(seed);
        RetryPolicy policy = new RetryPolicy(Duration.ofMillis(1000), 1.5, Duration.ofSeconds(3), 3, 0.2);
        RequestTracker t = new RequestTracker(policy, window, Duration.ofSeconds(10),
                new SplittableRandom(seed ^ 0x5DEECE66DL), IpmiEventListener.NONE,
                new InetSocketAddress("127.0.0.1", 623));
        Map<RequestTracker.Pending, Integer> ids = new HashMap<>();
        Map<Integer, Integer> finished = new HashMap<>();
        List<Wire> onWire = new ArrayList<>();
        long now = 0;
        int calls = 0;
        for (int step = 0; step < 1500; step++) {
            int what = rnd.nextInt(10);
            if (what < 3 && calls < 400) {
                int id = calls++;
                CompletableFuture<byte[]> f = new CompletableFuture<>();
                f.whenComplete((v, e) -> finished.merge(id, 1, Integer::sum));
                ids.put(t.enqueue(new IpmiCall(RequestTarget.BMC, COMMANDS[rnd.nextInt(COMMANDS.length)],
                        new byte[0], f), null), id);
            } else if (what < 7 && !onWire.isEmpty()) {
                // deliver (or lose) a transmission, mostly one of the newest: old ones linger as late replies
                int n = onWire.size();
                Wire w = onWire.remove(rnd.nextInt(5) > 0 ? n - 1 - rnd.nextInt(Math.min(n, 3)) : rnd.nextInt(n));
                boolean withinBlockTime = now - w.sentAt < 9_000 * MS;
                if (rnd.nextInt(100) >= lossPercent && withinBlockTime) {
                    int cc = rnd.nextInt(8) == 0 ? 0xCF : 0x00;
                    LanMessage resp = w.pending.message().response(new byte[] {(byte) cc, (byte) w.callId,
                        (byte) (w.callId >>> 8)});
                    RequestTracker.Pending p = t.onResponse(resp, now);
                    if (p != null) {
                        assertThat(ids.get(p)).isEqualTo(w.callId);
                        p.call().future().complete(resp.body());
                    }
                }
            } else {
                now += rnd.nextInt(400) * MS;
                RequestTracker.TimerResult r = t.onTimer(now);
                for (RequestTracker.Pending p : r.retransmit()) {
                    onWire.add(new Wire(p, ids.get(p), now));
                }
                for (RequestTracker.Pending p : r.expired()) {
                    p.call().future().completeExceptionally(RequestTracker.timeout(p, now));
                }
            }
            for (RequestTracker.Pending p : t.dispatch(now)) {
                onWire.add(new Wire(p, ids.get(p), now));
            }
            assertThat(t.inFlight()).isLessThanOrEqualTo(window);
        }
        // drain: let every remaining call finish by timeout
        for (int i = 0; i < 20 && !t.isIdle(); i++) {
            now += 5_000 * MS;
            t.onTimer(now).expired().forEach(p -> p.call().future().completeExceptionally(
                    RequestTracker.timeout(p, 0)));
            t.dispatch(now);
        }
        for (RequestTracker.Pending p : t.removeAll(now)) {
            p.call().future().cancel(false);
        }
        Set<Integer> all = new HashSet<>(finished.keySet());
        assertThat(all).hasSize(calls);
        assertThat(finished.values()).allMatch(n -> n == 1);
    }
}
