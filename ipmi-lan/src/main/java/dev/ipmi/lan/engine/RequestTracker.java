package dev.ipmi.lan.engine;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.event.DropReason;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.types.CompletionCode;
import dev.ipmi.core.wire.LanMessage;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Request/response bookkeeping for the IPMI messages of one session; the same for IPMI 1.5 and
 * RMCP+ because both carry the same {@link LanMessage} frame. Pure: no I/O, no clock, no threads —
 * the owning {@link SessionMachine} passes {@code now} and sends what this class hands back.
 *
 * <ul>
 *   <li><b>rqSeq</b>: 6 bits, allocated round-robin; never two requests in flight with the same
 *       rqSeq.</li>
 *   <li><b>Window</b>: at most {@code window} requests in flight (default 8, some BMCs drop
 *       messages beyond that); more are queued in submission order.</li>
 *   <li><b>Retransmission</b> follows the {@link RetryPolicy} and keeps the rqSeq (so the BMC can
 *       recognise the duplicate). The caller wraps the message anew for each transmission (new
 *       session sequence number, new AuthCode). A call that is not
 *       {@linkplain IpmiCall#repeatable() repeatable} (Add SEL Entry, power cycle, …) is sent
 *       once and waits the policy's whole budget for its reply: most BMCs execute a retransmitted
 *       request again, so a lost reply would make it run twice. Its timeout says it may have
 *       executed.</li>
 *   <li><b>Late replies</b>: once a request was retransmitted, its (netFn, cmd, rqSeq) is blocked
 *       for {@code sequenceBlock} after it finished, so a late answer to an old transmission can
 *       never be matched to a new request. If every rqSeq of a command is blocked, the one whose
 *       block ends first is reused (better than stalling).</li>
 *   <li><b>Matching</b>: by rqSeq, response netFn (= request netFn + 1) and command. A CFh
 *       ("duplicate request") answer to a retransmitted request is ignored: the answer to the
 *       original transmission is on its way.</li>
 * </ul>
 *
 * <p>Events (sent, retransmitted, answered, dropped) go to the {@link IpmiEventListener}.
 * Not thread-safe: owned by one session machine.
 */
public final class RequestTracker {
    public static final int DEFAULT_WINDOW = 8;
    public static final Duration DEFAULT_SEQUENCE_BLOCK = Duration.ofSeconds(10);
    private static final int SEQ_SPACE = 64;

    /** One request as tracked here; the owning machine reads it to build the datagram. */
    public static final class Pending {
        private final IpmiCall call;
        private final Object attachment;
        private final int maxAttempts;
        private int seq = -1;
        private int attempts;
        private long firstSentNanos;
        private long deadlineNanos;

        private Pending(IpmiCall call, Object attachment, int maxAttempts) {
            this.call = call;
            this.attachment = attachment;
            this.maxAttempts = maxAttempts;
        }

        public IpmiCall call() {
            return call;
        }

        public CommandId id() {
            return call.id();
        }

        /** Whatever the machine attached at {@link #enqueue} (e.g. which set-up step this is). */
        public Object attachment() {
            return attachment;
        }

        /** The rqSeq (0..63), or -1 while queued. */
        public int seq() {
            return seq;
        }

        /** Transmissions so far. */
        public int attempts() {
            return attempts;
        }

        public long firstSentNanos() {
            return firstSentNanos;
        }

        /** The IPMI message to transmit (console 81h to the target's address and LUN). */
        public LanMessage message() {
            if (seq < 0) {
                throw new IllegalStateException("not dispatched yet");
            }
            return new LanMessage(call.target().isBmc() ? LanMessage.BMC_ADDRESS : call.target().address(),
                    call.id().netFn().code(), call.target().lun(), LanMessage.REMOTE_CONSOLE_ADDRESS, seq, 0,
                    call.id().cmd(), call.data());
        }

        @Override
        public String toString() {
            return "Pending[" + call.id() + " rqSeq=" + seq + " attempts=" + attempts + "]";
        }
    }

    /** What a timer tick produced: requests to send again, and requests whose budget is spent. */
    public record TimerResult(List<Pending> retransmit, List<Pending> expired) {}

    private final RetryPolicy policy;
    private final int window;
    private final long blockNanos;
    private final RandomGenerator random;
    private final IpmiEventListener listener;
    private final SocketAddress bmc;

    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final Pending[] inFlight = new Pending[SEQ_SPACE];
    private int inFlightCount;
    private int nextSeq;
    /** (netFn, cmd, rqSeq) key → nanos until which it must not be reused. */
    private final Map<Integer, Long> blocked = new HashMap<>();

    /**
     * @param policy        retransmission timing
     * @param window        maximum requests in flight, 1..32
     * @param sequenceBlock how long a retried (netFn, cmd, rqSeq) stays unused after it finished
     * @param random        jitter source (and the first rqSeq); tests pass a seeded one
     * @param listener      event hook
     * @param bmc           the peer, for events
     */
    public RequestTracker(RetryPolicy policy, int window, Duration sequenceBlock, RandomGenerator random,
                          IpmiEventListener listener, SocketAddress bmc) {
        this.policy = Objects.requireNonNull(policy, "policy");
        if (window < 1 || window > 32) {
            throw new IllegalArgumentException("window must be 1..32: " + window);
        }
        this.window = window;
        this.blockNanos = sequenceBlock.toNanos();
        this.random = Objects.requireNonNull(random, "random");
        this.listener = IpmiEventListener.safe(Objects.requireNonNull(listener, "listener"));
        this.bmc = bmc;
        this.nextSeq = random.nextInt(SEQ_SPACE);
    }

    public RetryPolicy policy() {
        return policy;
    }

    /** Queues a call with the policy's number of attempts; nothing is sent before {@link #dispatch}. */
    public Pending enqueue(IpmiCall call, Object attachment) {
        return enqueue(call, attachment, call.repeatable() ? policy.attempts() : 1);
    }

    /**
     * Queues a call that is sent at most {@code maxAttempts} times (still with the policy's
     * timeouts), e.g. 1 for Close Session, which a BMC that lost the session never answers.
     */
    public Pending enqueue(IpmiCall call, Object attachment, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Pending p = new Pending(Objects.requireNonNull(call, "call"), attachment, maxAttempts);
        queue.add(p);
        return p;
    }

    /** Moves queued requests into the window while there is room and returns them, ready to transmit. */
    public List<Pending> dispatch(long now) {
        List<Pending> out = List.of();
        while (inFlightCount < window && !queue.isEmpty()) {
            Pending p = queue.poll();
            if (p.call.future().isDone()) {
                continue; // cancelled by the caller while queued
            }
            p.seq = allocateSeq(p.id(), now);
            p.attempts = 1;
            p.firstSentNanos = now;
            p.deadlineNanos = now + firstWait(p);
            inFlight[p.seq] = p;
            inFlightCount++;
            if (out.isEmpty()) {
                out = new ArrayList<>(2);
            }
            out.add(p);
            listener.requestSent(bmc, p.id(), p.seq);
        }
        return out;
    }

    /**
     * The first timeout; for a call that is never retransmitted, the sum of the policy's timeouts,
     * so a slow BMC gets as long to answer it as it gets for a repeatable one.
     */
    private long firstWait(Pending p) {
        if (p.call.repeatable() || p.maxAttempts > 1) {
            return policy.timeoutNanos(1, random.nextDouble());
        }
        long sum = 0;
        for (int i = 1; i <= policy.attempts(); i++) {
            sum += policy.timeoutNanos(i, random.nextDouble());
        }
        return sum;
    }

    private int allocateSeq(CommandId id, long now) {
        int fallback = -1;
        long fallbackUntil = Long.MAX_VALUE;
        for (int i = 0; i < SEQ_SPACE; i++) {
            int s = (nextSeq + i) % SEQ_SPACE;
            if (inFlight[s] != null) {
                continue;
            }
            Long until = blocked.get(key(id, s));
            if (until == null || until - now <= 0) {
                if (until != null) {
                    blocked.remove(key(id, s));
                }
                nextSeq = (s + 1) % SEQ_SPACE;
                return s;
            }
            if (until < fallbackUntil) {
                fallbackUntil = until;
                fallback = s;
            }
        }
        // window ≤ 32 < 64 guarantees a free rqSeq; all of them blocked for this command: reuse the oldest block
        blocked.remove(key(id, fallback));
        nextSeq = (fallback + 1) % SEQ_SPACE;
        return fallback;
    }

    private static int key(CommandId id, int seq) {
        return id.netFn().code() << 14 | id.cmd() << 6 | seq;
    }

    private void finish(Pending p, long now) {
        inFlight[p.seq] = null;
        inFlightCount--;
        if (p.attempts > 1) {
            blocked.put(key(p.id(), p.seq), now + blockNanos);
            if (blocked.size() > 4 * SEQ_SPACE) {
                blocked.values().removeIf(until -> until - now <= 0);
            }
        }
    }

    /**
     * Matches a response. Returns the request it answers (removed from the window; its future is
     * not touched — the machine completes it with {@code response.body()}), or null when the
     * response was dropped (reported to the listener). Call {@link #dispatch} afterwards: the
     * window has room again.
     */
    public Pending onResponse(LanMessage response, long now) {
        if (!response.isResponse()) {
            listener.packetDropped(bmc, DropReason.NOT_A_RESPONSE, "netFn " + response.netFn() + " is a request");
            return null;
        }
        Pending p = inFlight[response.seq()];
        if (p == null || p.id().netFn().code() != (response.netFn() & ~1) || p.id().cmd() != response.command()) {
            listener.packetDropped(bmc, DropReason.UNMATCHED_RESPONSE, String.format(
                    "rqSeq %d netFn %02Xh cmd %02Xh matches no request in flight", response.seq(),
                    response.netFn(), response.command()));
            return null;
        }
        byte[] body = response.body();
        if (body.length == 0) {
            listener.packetDropped(bmc, DropReason.MALFORMED, "response without completion code");
            return null;
        }
        int cc = body[0] & 0xFF;
        if (cc == CompletionCode.DUPLICATE_REQUEST.code() && p.attempts > 1) {
            listener.packetDropped(bmc, DropReason.DUPLICATE_REQUEST_ANSWER,
                    p.id().name() + " rqSeq " + p.seq + " attempt " + p.attempts);
            return null;
        }
        finish(p, now);
        listener.requestAnswered(bmc, p.id(), p.seq, cc, p.attempts, Duration.ofNanos(now - p.firstSentNanos));
        return p;
    }

    /**
     * Handles expired deadlines: requests with attempts left are returned for retransmission (same
     * rqSeq, attempts incremented, new deadline); the others are removed and returned as expired
     * (fail them, e.g. with {@link #timeout}).
     */
    public TimerResult onTimer(long now) {
        List<Pending> again = new ArrayList<>(0);
        List<Pending> expired = new ArrayList<>(0);
        for (Pending p : inFlight) {
            if (p == null || p.deadlineNanos - now > 0) {
                continue;
            }
            if (p.call.future().isDone()) {
                finish(p, now);
            } else if (p.attempts < p.maxAttempts) {
                p.attempts++;
                p.deadlineNanos = now + policy.timeoutNanos(p.attempts, random.nextDouble());
                again.add(p);
                listener.requestRetransmitted(bmc, p.id(), p.seq, p.attempts);
            } else {
                finish(p, now);
                expired.add(p);
            }
        }
        return new TimerResult(again, expired);
    }

    /** The timeout error for an expired request: names the command, the attempts and the time spent. */
    public static IpmiTimeoutException timeout(Pending p, long now) {
        return new IpmiTimeoutException(p.id().name(), p.attempts, Duration.ofNanos(now - p.firstSentNanos),
                p.attempts > 0, p.call.repeatable());
    }

    /** Earliest retransmission deadline, or {@link Long#MAX_VALUE} when nothing is in flight. */
    public long nextDeadline() {
        long min = Long.MAX_VALUE;
        for (Pending p : inFlight) {
            if (p != null && (min == Long.MAX_VALUE || p.deadlineNanos - min < 0)) {
                min = p.deadlineNanos;
            }
        }
        return min;
    }

    /** Removes and returns everything queued or in flight (to fail them on close or error). */
    public List<Pending> removeAll(long now) {
        List<Pending> all = new ArrayList<>(queue);
        queue.clear();
        for (Pending p : inFlight) {
            if (p != null) {
                finish(p, now);
                all.add(p);
            }
        }
        return all;
    }

    /** Drops queued calls whose futures are already done (cancelled); returns how many are left in all. */
    public int size() {
        for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
            if (it.next().call.future().isDone()) {
                it.remove();
            }
        }
        return queue.size() + inFlightCount;
    }

    public int inFlight() {
        return inFlightCount;
    }

    public int queued() {
        return queue.size();
    }

    public boolean isIdle() {
        return inFlightCount == 0 && queue.isEmpty();
    }
}
