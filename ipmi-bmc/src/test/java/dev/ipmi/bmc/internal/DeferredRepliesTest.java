package dev.ipmi.bmc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.wire.LanMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DeferredRepliesTest {
    private static final LanMessage CHASSIS_CONTROL = LanMessage.request(0x00, 0, 5, 0x02, new byte[] {0x01});

    private final Queue<Runnable> ioThread = new ArrayDeque<>();
    private final List<byte[]> sent = new ArrayList<>();
    private final DeferredReplies deferred = new DeferredReplies();

    DeferredRepliesTest() {
        deferred.runOn(ioThread::add);
    }

    private void runIoThread() {
        for (Runnable r; (r = ioThread.poll()) != null; ) {
            r.run();
        }
    }

    @Test
    void aReadyReplyIsSentAtOnce() {
        deferred.answer(7, CHASSIS_CONTROL, CompletableFuture.completedFuture(new byte[] {0x00}), () -> true, sent::add);
        assertThat(sent).containsExactly(new byte[] {0x00});
        assertThat(ioThread).isEmpty();
        assertThat(deferred.stillRunning(7, CHASSIS_CONTROL)).isFalse();
    }

    @Test
    void aLateReplyIsSentFromTheIoThreadAndItsRetransmissionsAreRecognised() {
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        deferred.answer(7, CHASSIS_CONTROL, reply, () -> true, sent::add);
        assertThat(sent).isEmpty();
        assertThat(deferred.stillRunning(7, CHASSIS_CONTROL)).isTrue();
        assertThat(deferred.stillRunning(8, CHASSIS_CONTROL)).as("another session").isFalse();
        assertThat(deferred.stillRunning(7, LanMessage.request(0x00, 0, 6, 0x02, new byte[] {0x01})))
                .as("another rqSeq").isFalse();

        reply.complete(new byte[] {0x00});
        assertThat(sent).as("only on the I/O thread").isEmpty();
        runIoThread();
        assertThat(sent).containsExactly(new byte[] {0x00});
        assertThat(deferred.stillRunning(7, CHASSIS_CONTROL)).isFalse();
    }

    @Test
    void nothingIsSentIntoASessionThatEndedMeanwhile() {
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        boolean[] alive = {true};
        deferred.answer(7, CHASSIS_CONTROL, reply, () -> alive[0], sent::add);
        alive[0] = false;
        reply.complete(new byte[] {0x00});
        runIoThread();
        assertThat(sent).isEmpty();
        assertThat(deferred.stillRunning(7, CHASSIS_CONTROL)).isFalse();
    }

    @Test
    void aFailedReplyAnswersUnspecifiedError() {
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        deferred.answer(7, CHASSIS_CONTROL, reply, () -> true, sent::add);
        reply.completeExceptionally(new IllegalStateException("backend broke"));
        runIoThread();
        assertThat(sent).containsExactly(new byte[] {(byte) 0xFF});
    }
}
