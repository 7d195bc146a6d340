package dev.ipmi.lanplus.sol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.commands.app.ActivatePayload;
import dev.ipmi.core.commands.app.DeactivatePayload;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.sol.SolAlreadyActiveException;
import dev.ipmi.core.sol.SolEvent;
import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The threaded console over an in-memory session and a fake ipmi_sim-like BMC. Real threads, but no
 * timing assertions: every wait is bounded and only guards against hangs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SolConsoleTest {
    private static final SolOptions FAST = SolOptions.builder().retryInterval(Duration.ofMillis(10)).retries(50)
            .keepalive(Duration.ZERO).build();

    private static byte[] readFully(InputStream in, int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (out.size() < n) {
            int k = in.read(buf, 0, Math.min(buf.length, n - out.size()));
            if (k < 0) {
                break;
            }
            out.write(buf, 0, k);
        }
        return out.toByteArray();
    }

    @Test
    void sixtyFourKibEachWayOverALossyLinkArriveIntact() throws Exception {
        Random r = new Random(7);
        byte[] toHost = new byte[64 * 1024];
        byte[] fromHost = new byte[64 * 1024];
        r.nextBytes(toHost);
        r.nextBytes(fromHost);
        try (FakeSolTransport t = new FakeSolTransport(0.02)) {
            SolSession s = SolConsole.activate(t, FAST, null);
            assertThat(s.activation().outboundPayloadSize()).isEqualTo(0x4000);
            assertThat(s.settings().maxCharsPerPacket()).isEqualTo(28);
            t.hostWrites(fromHost);
            CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    return readFully(s.input(), fromHost.length);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int off = 0; off < toHost.length; off += 1000) {
                s.output().write(toHost, off, Math.min(1000, toHost.length - off));
            }
            s.output().flush();
            assertThat(Arrays.equals(reader.get(100, TimeUnit.SECONDS), fromHost)).as("host -> console intact").isTrue();
            assertThat(Arrays.equals(t.awaitHostReceived(toHost.length), toHost)).as("console -> host intact").isTrue();
            s.close();
            assertThat(t.commands).last().matches(id -> id.matches(DeactivatePayload.ID));
            assertThat(t.active).isFalse();
            assertThat(s.input().read()).isEqualTo(-1);
            assertThatThrownBy(() -> s.output().write(1)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void activationWhileActiveElsewhereFailsClearlyByDefault() throws Exception {
        try (FakeSolTransport t = new FakeSolTransport(0)) {
            t.activeElsewhere = true;
            assertThatThrownBy(() -> SolConsole.activate(t, FAST, null))
                    .isInstanceOf(SolAlreadyActiveException.class)
                    .hasMessageContaining("already active on another session");
            assertThat(t.activeElsewhere).as("the other console is left alone").isTrue();
        }
    }

    @Test
    void takeOverDeactivatesTheOtherConsoleFirst() throws Exception {
        try (FakeSolTransport t = new FakeSolTransport(0)) {
            t.activeElsewhere = true;
            SolSession s = SolConsole.activate(t, FAST.toBuilder().takeOver().build(), null);
            assertThat(t.commands).filteredOn(id -> id.matches(ActivatePayload.ID)).hasSize(2);
            assertThat(t.commands).filteredOn(id -> id.matches(DeactivatePayload.ID)).hasSize(1);
            assertThat(s.isOpen()).isTrue();
            s.close();
        }
    }

    @Test
    void deactivateThenActivateAgainWorks() throws Exception {
        try (FakeSolTransport t = new FakeSolTransport(0)) {
            SolSession first = SolConsole.activate(t, FAST, null);
            first.output().write("one\r".getBytes());
            first.output().flush();
            first.close();
            SolSession second = SolConsole.activate(t, FAST, null);
            second.output().write("two\r".getBytes());
            second.output().flush();
            second.close();
            // the fake BMC keeps its last sequence number across activations, like ipmi_sim
            assertThat(new String(t.awaitHostReceived(8))).isEqualTo("one\rtwo\r");
        }
    }

    @Test
    void bmcSideDeactivationEndsTheStreamsAndTellsTheListener() throws Exception {
        try (FakeSolTransport t = new FakeSolTransport(0)) {
            List<SolEvent> events = new CopyOnWriteArrayList<>();
            SolSession s = SolConsole.activate(t, FAST, events::add);
            t.bmcDeactivates();
            assertThat(s.input().read()).isEqualTo(-1);
            assertThat(events).contains(SolEvent.DEACTIVATED_BY_BMC);
            assertThat(s.isOpen()).isFalse();
            assertThatThrownBy(s::sendBreak).isInstanceOf(IllegalStateException.class);
            s.close();
            assertThat(t.commands).noneMatch(id -> id.matches(DeactivatePayload.ID));
        }
    }

    /** The BMC deactivates the payload and the status listener closes the session from its callback. */
    private static SolSession deactivatedByTheBmcAndClosedFromTheListener(FakeSolTransport t) throws Exception {
        SolSession[] holder = new SolSession[1];
        CompletableFuture<SolEvent> seen = new CompletableFuture<>();
        SolSession s = SolConsole.activate(t, FAST, e -> {
            holder[0].close();
            seen.complete(e);
        });
        holder[0] = s;
        t.bmcDeactivates();
        assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(SolEvent.DEACTIVATED_BY_BMC);
        return s;
    }

    @Test
    void closingFromTheListenerDoesNotDeadlock() throws Exception {
        try (FakeSolTransport t = new FakeSolTransport(0)) {
            SolSession s = deactivatedByTheBmcAndClosedFromTheListener(t);
            assertThat(s.input().read()).isEqualTo(-1);
        }
    }

    @Test
    void closingFromTheListenerAfterABmcDeactivationSendsNoDeactivatePayload() throws Exception {
        // Deactivate Payload from the old owner would end the console of whoever took the payload over
        try (FakeSolTransport t = new FakeSolTransport(0)) {
            SolSession s = deactivatedByTheBmcAndClosedFromTheListener(t);
            assertThat(s.input().read()).isEqualTo(-1);
            assertThat(t.commands).noneMatch(id -> id.matches(DeactivatePayload.ID));
        }
    }

    @Test
    void theConsoleHasNoThreadOfItsOwn() throws Exception {
        try (FakeSolTransport t = new FakeSolTransport(0)) {
            SolSession s = SolConsole.activate(t, FAST, null);
            s.output().write('x');
            s.output().flush();
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(th -> th.getName().startsWith("ipmi-sol-"));
            s.close();
        }
    }

    @Test
    void idleConsoleSendsKeepalives() throws Exception {
        try (FakeSolTransport t = new FakeSolTransport(0)) {
            SolSession s = SolConsole.activate(t, FAST.toBuilder().keepalive(Duration.ofMillis(20)).build(), null);
            for (int i = 0; i < 10_000 && t.commandCount(GetDeviceId.ID) < 2; i++) {
                Thread.sleep(1);
            }
            assertThat(t.commandCount(GetDeviceId.ID)).isGreaterThanOrEqualTo(2);
            s.close();
        }
    }

    @Test
    void breakReachesTheBmc() throws Exception {
        try (FakeSolTransport t = new FakeSolTransport(0)) {
            SolSession s = SolConsole.activate(t, FAST, null);
            s.output().write('a');
            s.sendBreak();
            s.output().write('b');
            s.output().flush();
            assertThat(t.bmc.breaks).isEqualTo(1);
            assertThat(new String(t.awaitHostReceived(2))).isEqualTo("ab");
            s.close();
        }
    }

    @Test
    void closeAsyncEndsTheStreamsAtOnceAndCompletesWhenTheBmcAnswers() throws Exception {
        try (FakeSolTransport t = new FakeSolTransport(0)) {
            List<SolEvent> events = new CopyOnWriteArrayList<>();
            SolSession s = SolConsole.activate(t, FAST, events::add);
            CompletableFuture<Void> answer = new CompletableFuture<>();
            t.holdDeactivate = answer;
            // returns while the BMC's answer is held back: nothing waits for it
            CompletableFuture<Void> closed = s.closeAsync();
            assertThat(s.isOpen()).isFalse();
            assertThat(s.input().read()).isEqualTo(-1);
            assertThatThrownBy(() -> s.output().write('x')).isInstanceOf(IOException.class);
            assertThat(closed).isNotDone();
            assertThat(s.closeAsync()).isSameAs(closed);
            answer.complete(null);
            closed.get(10, TimeUnit.SECONDS);
            assertThat(t.commandCount(DeactivatePayload.ID)).isEqualTo(1);
            assertThat(t.active).isFalse();
            assertThat(events).doesNotContain(SolEvent.DEACTIVATE_FAILED);
        }
    }

    @Test
    void closeAsyncReportsAFailedDeactivationAndStillCompletesNormally() throws Exception {
        try (FakeSolTransport t = new FakeSolTransport(0)) {
            List<SolEvent> events = new CopyOnWriteArrayList<>();
            SolSession s = SolConsole.activate(t, FAST, events::add);
            t.deactivateFails = true;
            s.closeAsync().get(10, TimeUnit.SECONDS);
            assertThat(events).containsExactly(SolEvent.DEACTIVATE_FAILED);
        }
    }

    @Test
    void closeReportsAFailedDeactivationToTheListenerInsteadOfThrowing() throws Exception {
        try (FakeSolTransport t = new FakeSolTransport(0)) {
            List<SolEvent> events = new CopyOnWriteArrayList<>();
            SolSession s = SolConsole.activate(t, FAST, events::add);
            t.deactivateFails = true;
            s.close();
            assertThat(events).containsExactly(SolEvent.DEACTIVATE_FAILED);
            assertThat(s.isOpen()).isFalse();
            assertThat(s.input().read()).isEqualTo(-1);
        }
    }

    @Test
    void theOptionsInstanceIsActivatedAndDeactivated() throws Exception {
        try (FakeSolTransport t = new FakeSolTransport(0)) {
            SolConsole.activate(t, FAST.toBuilder().instance(3).build(), null).close();
            assertThat(t.requests).filteredOn(ActivatePayload.Request.class::isInstance)
                    .extracting(r -> ((ActivatePayload.Request) r).instance()).containsExactly(3);
            assertThat(t.requests).filteredOn(DeactivatePayload.Request.class::isInstance)
                    .extracting(r -> ((DeactivatePayload.Request) r).instance()).containsExactly(3);
        }
    }

    @Test
    void keepaliveNoticesThatAnotherSessionOwnsThePayloadNow() throws Exception {
        try (FakeSolTransport t = new FakeSolTransport(0)) {
            t.reportsOwner = true;
            List<SolEvent> events = new CopyOnWriteArrayList<>();
            SolSession s = SolConsole.activate(t, FAST.toBuilder().keepalive(Duration.ofMillis(20)).build(), events::add);
            for (int i = 0; i < 10_000 && t.commandCount(dev.ipmi.core.commands.app.GetPayloadInstanceInfo.ID) < 2; i++) {
                Thread.sleep(1);
            }
            assertThat(s.isOpen()).as("still ours").isTrue();
            t.owner = 0x99;
            for (int i = 0; i < 10_000 && s.isOpen(); i++) {
                Thread.sleep(1);
            }
            assertThat(s.isOpen()).isFalse();
            assertThat(events).containsExactly(SolEvent.DEACTIVATED_BY_BMC);
            assertThat(s.input().read()).isEqualTo(-1);
            s.close();
            assertThat(t.commands).noneMatch(id -> id.matches(DeactivatePayload.ID));
        }
    }
}
