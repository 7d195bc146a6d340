package dev.ipmi.lan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.event.DropReason;
import dev.ipmi.core.event.IpmiEventListener;
import dev.ipmi.core.client.RequestTarget;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.types.NetFn;
import dev.ipmi.core.wire.LanMessage;
import dev.ipmi.lan.testing.ScriptedRandom;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Retransmission, late-reply, duplicate and window rules with a fake clock (nanoseconds as plain longs). */
class RequestTrackerTest {
    private static final long SECOND = 1_000_000_000L;
    private static final CommandId CHASSIS_STATUS = CommandId.of(NetFn.CHASSIS, 0x01, "Get Chassis Status");
    private final List<String> events = new ArrayList<>();
    private final IpmiEventListener recorder = new IpmiEventListener() {
        @Override
        public void requestRetransmitted(java.net.SocketAddress bmc, CommandId id, int rqSeq, int attempt) {
            events.add("retransmit " + rqSeq + " #" + attempt);
        }

        @Override
        public void packetDropped(java.net.SocketAddress bmc, DropReason reason, String detail) {
            events.add("drop " + reason);
        }
    };

    private RequestTracker tracker(int retries, int window) {
        RetryPolicy p = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(4), retries, 0.0);
        return new RequestTracker(p, window, Duration.ofSeconds(10), new ScriptedRandom().bounded(10), recorder,
                new InetSocketAddress("127.0.0.1", 623));
    }

    private static IpmiCall call(CommandId id) {
        return new IpmiCall(RequestTarget.BMC, id, new byte[0], new CompletableFuture<>());
    }

    private static LanMessage answer(RequestTracker.Pending p, int... ccAndData) {
        byte[] body = new byte[ccAndData.length];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ccAndData[i];
        }
        return p.message().response(body);
    }

    @Test
    void retransmitsWithTheSameRqSeqAndGrowingTimeouts() {
        RequestTracker t = tracker(4, 8);
        t.enqueue(call(GetDeviceId.ID), null);
        RequestTracker.Pending p = t.dispatch(0).get(0);
        assertThat(p.seq()).isEqualTo(10);
        assertThat(t.nextDeadline()).isEqualTo(SECOND);
        assertThat(t.onTimer(SECOND - 1).retransmit()).isEmpty();
        assertThat(t.onTimer(SECOND).retransmit()).containsExactly(p);
        assertThat(p.seq()).isEqualTo(10);
        assertThat(p.attempts()).isEqualTo(2);
        assertThat(t.nextDeadline()).isEqualTo(3 * SECOND); // 1 s then 2 s
        assertThat(t.onTimer(3 * SECOND).retransmit()).containsExactly(p);
        assertThat(t.nextDeadline()).isEqualTo(7 * SECOND); // then 4 s (the cap)
        t.onTimer(7 * SECOND);
        assertThat(t.nextDeadline()).isEqualTo(11 * SECOND); // capped at 4 s
        assertThat(events).containsExactly("retransmit 10 #2", "retransmit 10 #3", "retransmit 10 #4");
    }

    @Test
    void expiresAfterTheBudgetWithAttemptsAndElapsedTime() {
        RequestTracker t = tracker(2, 8);
        t.enqueue(call(GetDeviceId.ID), null);
        t.dispatch(0);
        t.onTimer(SECOND);
        t.onTimer(3 * SECOND);
        RequestTracker.TimerResult r = t.onTimer(7 * SECOND);
        assertThat(r.retransmit()).isEmpty();
        assertThat(r.expired()).hasSize(1);
        IpmiTimeoutException e = RequestTracker.timeout(r.expired().get(0), 7 * SECOND);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.elapsed()).isEqualTo(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains("Get Device ID").contains("3 attempts");
        assertThat(t.isIdle()).isTrue();
    }

    @Test
    void aLateReplyToARetriedRequestIsNeverMatchedToTheNextRequest() {
        RequestTracker t = tracker(1, 8);
        t.enqueue(call(GetDeviceId.ID), null);
        RequestTracker.Pending first = t.dispatch(0).get(0);
        t.onTimer(SECOND);
        t.onTimer(3 * SECOND); // expired after 2 attempts
        LanMessage late = answer(first, 0x00, 0x20);
        // walk rqSeq round the whole 6-bit space: the retried (netFn, cmd, rqSeq) must not come back
        for (int i = 0; i < 64; i++) {
            t.enqueue(call(GetDeviceId.ID), null);
            RequestTracker.Pending p = t.dispatch(4 * SECOND).get(0);
            assertThat(p.seq()).isNotEqualTo(first.seq());
            assertThat(t.onResponse(answer(p, 0x00), 4 * SECOND)).isSameAs(p);
        }
        assertThat(t.onResponse(late, 5 * SECOND)).isNull();
        assertThat(events).contains("drop UNMATCHED_RESPONSE");
    }

    @Test
    void theBlockedRqSeqIsFreeForOtherCommandsAndAfterTheBlockTime() {
        RequestTracker t = tracker(1, 8);
        t.enqueue(call(GetDeviceId.ID), null);
        RequestTracker.Pending first = t.dispatch(0).get(0);
        t.onTimer(SECOND);
        assertThat(t.onResponse(answer(first, 0x00), 2 * SECOND)).isSameAs(first); // answered on the retry
        boolean otherCommandGotIt = false;
        for (int i = 0; i < 64; i++) {
            t.enqueue(call(CHASSIS_STATUS), null);
            RequestTracker.Pending p = t.dispatch(3 * SECOND).get(0);
            otherCommandGotIt |= p.seq() == first.seq();
            t.onResponse(answer(p, 0x00), 3 * SECOND);
        }
        assertThat(otherCommandGotIt).isTrue();
        boolean reusedAfterBlock = false;
        for (int i = 0; i < 64; i++) {
            t.enqueue(call(GetDeviceId.ID), null);
            RequestTracker.Pending p = t.dispatch(13 * SECOND).get(0);
            reusedAfterBlock |= p.seq() == first.seq();
            t.onResponse(answer(p, 0x00), 13 * SECOND);
        }
        assertThat(reusedAfterBlock).isTrue();
    }

    @Test
    void duplicateRequestAnswerToARetryIsIgnored() {
        RequestTracker t = tracker(4, 8);
        t.enqueue(call(GetDeviceId.ID), null);
        RequestTracker.Pending p = t.dispatch(0).get(0);
        t.onTimer(SECOND);
        assertThat(t.onResponse(answer(p, 0xCF), SECOND + 1)).isNull();
        assertThat(events).contains("drop DUPLICATE_REQUEST_ANSWER");
        assertThat(t.onResponse(answer(p, 0x00, 0x20), SECOND + 2)).isSameAs(p);
    }

    @Test
    void duplicateRequestAnswerToAFirstTransmissionIsDelivered() {
        RequestTracker t = tracker(4, 8);
        t.enqueue(call(GetDeviceId.ID), null);
        RequestTracker.Pending p = t.dispatch(0).get(0);
        assertThat(t.onResponse(answer(p, 0xCF), 1)).isSameAs(p);
    }

    @Test
    void responseMustMatchNetFnAndCommandToo() {
        RequestTracker t = tracker(4, 8);
        t.enqueue(call(GetDeviceId.ID), null);
        RequestTracker.Pending p = t.dispatch(0).get(0);
        LanMessage wrongCmd = new LanMessage(0x81, 0x07, 0, 0x20, p.seq(), 0, 0x02, new byte[] {0});
        LanMessage wrongNetFn = new LanMessage(0x81, 0x01, 0, 0x20, p.seq(), 0, 0x01, new byte[] {0});
        assertThat(t.onResponse(wrongCmd, 1)).isNull();
        assertThat(t.onResponse(wrongNetFn, 1)).isNull();
        assertThat(t.onResponse(p.message(), 1)).isNull(); // an echoed request is not a response
        assertThat(t.inFlight()).isEqualTo(1);
    }

    @Test
    void windowBoundsRequestsInFlight() {
        RequestTracker t = tracker(4, 8);
        for (int i = 0; i < 12; i++) {
            t.enqueue(call(GetDeviceId.ID), null);
        }
        List<RequestTracker.Pending> sent = t.dispatch(0);
        assertThat(sent).hasSize(8);
        assertThat(sent).extracting(RequestTracker.Pending::seq).doesNotHaveDuplicates();
        assertThat(t.queued()).isEqualTo(4);
        assertThat(t.dispatch(0)).isEmpty();
        t.onResponse(answer(sent.get(3), 0x00), 1);
        assertThat(t.dispatch(1)).hasSize(1);
        assertThat(t.inFlight()).isEqualTo(8);
    }

    @Test
    void cancelledCallsAreNotSent() {
        RequestTracker t = tracker(4, 1);
        IpmiCall a = call(GetDeviceId.ID);
        IpmiCall b = call(GetDeviceId.ID);
        t.enqueue(a, null);
        t.enqueue(b, null);
        RequestTracker.Pending pa = t.dispatch(0).get(0);
        assertThat(pa.call()).isSameAs(a);
        b.future().cancel(false);
        assertThat(t.onResponse(answer(pa, 0x00), 1)).isSameAs(pa);
        assertThat(t.dispatch(1)).isEmpty();
        assertThat(t.isIdle()).isTrue();
    }

    @Test
    void perRequestAttemptLimit() {
        RequestTracker t = tracker(4, 8);
        t.enqueue(call(GetDeviceId.ID), null, 1);
        t.dispatch(0);
        assertThat(t.onTimer(SECOND).expired()).hasSize(1);
    }

    @Test
    void aRequestThatIsNotRepeatableGoesOutOnceAndItsTimeoutSaysItMayHaveRun() {
        RequestTracker t = tracker(4, 8);
        CommandId addSel = dev.ipmi.core.commands.storage.AddSelEntry.ID;
        t.enqueue(new IpmiCall(RequestTarget.BMC, addSel, new byte[16], new CompletableFuture<>(), false), null);
        RequestTracker.Pending p = t.dispatch(0).get(0);
        // it waits the whole budget of the policy (1 + 2 + 4 + 4 + 4 s) instead of the first timeout
        assertThat(t.nextDeadline()).isEqualTo(15 * SECOND);
        assertThat(t.onTimer(SECOND).retransmit()).isEmpty();
        RequestTracker.TimerResult r = t.onTimer(15 * SECOND);
        assertThat(r.retransmit()).isEmpty();
        assertThat(r.expired()).containsExactly(p);
        assertThat(events).isEmpty();
        IpmiTimeoutException e = RequestTracker.timeout(p, 15 * SECOND);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.mayHaveExecuted()).isTrue();
        assertThat(e.repeatable()).isFalse();
        assertThat(e.safeToRetry()).isFalse();
        assertThat(e).hasMessageContaining("Add SEL Entry").hasMessageContaining("may have executed");
    }

    @Test
    void aRepeatableTimeoutIsSafeToRetry() {
        RequestTracker t = tracker(0, 8);
        t.enqueue(call(GetDeviceId.ID), null);
        RequestTracker.Pending p = t.dispatch(0).get(0);
        assertThat(t.onTimer(SECOND).expired()).containsExactly(p);
        IpmiTimeoutException e = RequestTracker.timeout(p, SECOND);
        assertThat(e.mayHaveExecuted()).isTrue();
        assertThat(e.safeToRetry()).isTrue();
    }
}
