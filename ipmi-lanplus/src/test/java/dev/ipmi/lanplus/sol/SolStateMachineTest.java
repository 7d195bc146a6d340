package dev.ipmi.lanplus.sol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.commands.app.ActivatePayload;
import dev.ipmi.core.commands.sol.SolParameter;
import dev.ipmi.core.sol.SolEvent;
import dev.ipmi.core.sol.SolOptions;
import dev.ipmi.core.sol.SolSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Scripted exchanges with a fake clock (plain longs): every path of the state machine. */
class SolStateMachineTest {
    private static final long RETRY = 500;

    private static SolSettings settings(boolean probe) {
        return new SolSettings(28, RETRY, 3, 0, probe);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<SolPacket> sent(List<SolAction> actions) {
        List<SolPacket> out = new ArrayList<>();
        for (SolAction a : actions) {
            if (a instanceof SolAction.Send s) {
                out.add(SolPacket.decode(s.payload().toByteArray()));
            }
        }
        return out;
    }

    private static SolPacket only(List<SolAction> actions) {
        List<SolPacket> s = sent(actions);
        assertThat(s).hasSize(1);
        return s.get(0);
    }

    private static List<SolEvent> events(List<SolAction> actions) {
        return actions.stream().filter(a -> a instanceof SolAction.Status).map(a -> ((SolAction.Status) a).event())
                .toList();
    }

    private static String delivered(List<SolAction> actions) {
        StringBuilder sb = new StringBuilder();
        for (SolAction a : actions) {
            if (a instanceof SolAction.Deliver d) {
                sb.append(new String(d.data().toByteArray(), StandardCharsets.ISO_8859_1));
            }
        }
        return sb.toString();
    }

    private static byte[] bmcAck(int seq, int count, BmcStatus... status) {
        EnumSet<BmcStatus> s = EnumSet.noneOf(BmcStatus.class);
        s.addAll(List.of(status));
        return SolPacket.fromBmc(0, seq, count, s, new byte[0]).encode();
    }

    private static byte[] bmcData(int seq, String text, BmcStatus... status) {
        EnumSet<BmcStatus> s = EnumSet.noneOf(BmcStatus.class);
        s.addAll(List.of(status));
        return SolPacket.fromBmc(seq, 0, 0, s, ascii(text)).encode();
    }

    private static SolDriver started(boolean probe) {
        SolDriver m = new SolDriver(settings(probe));
        List<SolAction> a = m.start(0);
        if (probe) {
            SolPacket p = only(a);
            assertThat(p.sequence()).isEqualTo(1);
            assertThat(p.dataLength()).isZero();
            m.onInboundPayload(bmcAck(1, 0), 1);
        } else {
            assertThat(sent(a)).isEmpty();
        }
        return m;
    }

    @Test
    void startupProbeIsAnEmptyPacketAndDataFollowsUnderTheNextNumber() {
        SolDriver m = new SolDriver(settings(true));
        SolPacket probe = only(m.start(0));
        assertThat(probe.encode()).isEqualTo(new byte[] {1, 0, 0, 0});
        assertThat(sent(m.write(ascii("two\r"), 1))).as("held until the probe is answered").isEmpty();
        // ipmi_sim answering the probe as a duplicate of the previous console's last packet ("one\r")
        SolPacket data = only(m.onInboundPayload(bmcAck(1, 4), 2));
        assertThat(data.sequence()).isEqualTo(2);
        assertThat(data.data()).isEqualTo(ascii("two\r"));
        assertThat(m.unacknowledgedBytes()).as("the probe's stale count takes no characters").isEqualTo(4);
    }

    @Test
    void probeNobodyAcknowledgesIsGivenUpAndItsNumberReused() {
        SolDriver m = new SolDriver(settings(true));
        m.start(0);
        m.write(ascii("x"), 0);
        for (int i = 1; i <= 3; i++) {
            SolPacket again = only(m.onTimer(i * RETRY));
            assertThat(again.sequence()).isEqualTo(1);
            assertThat(again.dataLength()).isZero();
        }
        SolPacket data = only(m.onTimer(4 * RETRY));
        assertThat(data.sequence()).isEqualTo(1);
        assertThat(data.data()).isEqualTo(ascii("x"));
    }

    @Test
    void withoutTheProbeAStaleBmcSwallowsTheFirstPacket() {
        // The quirk as captured (dup.pcap): the BMC still holds number 1 and length 4 from an earlier console's
        // "one\r", so the new console's "two\r" (seq 1) is acknowledged with 4 characters and dropped.
        FakeSolBmc bmc = new FakeSolBmc(32, 4, 1000, FakeSolBmc.Dedupe.LAST_ONLY, 1, 4);
        SolLink link = new SolLink(new SolDriver(settings(false)), bmc, 1, 0, 0, 1, 0);
        link.apply(link.console.start(0));
        link.apply(link.console.write(ascii("two\r"), 0));
        for (int i = 0; i < 1000 && link.step(); i++) {
            // run to quiescence
        }
        assertThat(link.console.unacknowledgedBytes()).as("acknowledged").isZero();
        assertThat(bmc.hostReceived()).as("but lost").isEmpty();

        FakeSolBmc bmc2 = new FakeSolBmc(32, 4, 1000, FakeSolBmc.Dedupe.LAST_ONLY, 1, 4);
        SolLink link2 = new SolLink(new SolDriver(settings(true)), bmc2, 1, 0, 0, 1, 0);
        link2.apply(link2.console.start(0));
        link2.apply(link2.console.write(ascii("two\r"), 0));
        for (int i = 0; i < 1000 && link2.step(); i++) {
            // run to quiescence
        }
        assertThat(bmc2.hostReceived()).isEqualTo(ascii("two\r"));
    }

    @Test
    void writesAreSplitAtTheBmcsInboundPayloadSize() {
        SolDriver m = started(false);
        SolPacket p = only(m.write(new byte[100], 0));
        assertThat(p.dataLength()).isEqualTo(28);
        SolPacket p2 = only(m.onInboundPayload(bmcAck(p.sequence(), 28), 1));
        assertThat(p2.sequence()).isEqualTo(2);
        assertThat(p2.dataLength()).isEqualTo(28);
        assertThat(m.unacknowledgedBytes()).isEqualTo(72);
    }

    @Test
    void payloadSizesAreSanityCapped() {
        assertThat(SolSettings.charsPerPacket(32)).isEqualTo(28);
        assertThat(SolSettings.charsPerPacket(0x4000)).isEqualTo(255);
        assertThat(SolSettings.charsPerPacket(4)).isEqualTo(SolSettings.FALLBACK_MAX_CHARS);
        assertThat(SolSettings.charsPerPacket(0)).isEqualTo(SolSettings.FALLBACK_MAX_CHARS);
        ActivatePayload.Response ipmiSim = new ActivatePayload.Response(0, 0x20, 0x4000, 9937, 0xFFFF);
        SolSettings s = SolSettings.of(ipmiSim, Optional.empty(), SolOptions.defaults());
        assertThat(s.maxCharsPerPacket()).isEqualTo(28);
        assertThat(s.retries()).isEqualTo(SolSettings.DEFAULT_RETRIES);
        assertThat(s.retryIntervalMillis()).isEqualTo(SolSettings.DEFAULT_RETRY_INTERVAL_MILLIS);
        assertThat(s.keepaliveMillis()).isEqualTo(15_000);
    }

    @Test
    void retrySettingsComeFromSolParameter4UnlessTheCallerSetsThem() {
        ActivatePayload.Response a = new ActivatePayload.Response(0, 0x20, 0x20, 623, 0xFFFF);
        SolSettings bmc = SolSettings.of(a, Optional.of(new SolParameter.Retry(5, 20)), SolOptions.defaults());
        assertThat(bmc.retries()).isEqualTo(5);
        assertThat(bmc.retryIntervalMillis()).isEqualTo(200);
        SolSettings floor = SolSettings.of(a, Optional.of(new SolParameter.Retry(0, 0)), SolOptions.defaults());
        assertThat(floor.retries()).isEqualTo(SolSettings.MIN_RETRIES);
        assertThat(floor.retryIntervalMillis()).isEqualTo(SolSettings.DEFAULT_RETRY_INTERVAL_MILLIS);
        SolSettings mine = SolSettings.of(a, Optional.of(new SolParameter.Retry(5, 20)),
                SolOptions.builder().retries(9).retryInterval(Duration.ofMillis(80)).keepalive(Duration.ZERO).build());
        assertThat(mine.retries()).isEqualTo(9);
        assertThat(mine.retryIntervalMillis()).isEqualTo(80);
        assertThat(mine.keepaliveMillis()).isZero();
    }

    @Test
    void sequenceNumbersWrapFrom15To1AndNeverUse0() {
        SolDriver m = started(false);
        List<Integer> seqs = new ArrayList<>();
        SolPacket p = only(m.write(new byte[28 * 20], 0));
        for (int i = 0; i < 20; i++) {
            seqs.add(p.sequence());
            List<SolPacket> next = sent(m.onInboundPayload(bmcAck(p.sequence(), 28), i + 1));
            if (next.isEmpty()) {
                break;
            }
            p = next.get(0);
        }
        assertThat(seqs).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 1, 2, 3, 4, 5);
    }

    @Test
    void unacknowledgedPacketIsResentUnchangedThenTheLinkIsLost() {
        SolDriver m = started(false);
        List<SolAction> first = m.write(ascii("abc"), 10);
        SolPacket p = only(first);
        assertThat(first).contains(new SolAction.ArmTimer(10 + RETRY));
        assertThat(sent(m.onTimer(10 + RETRY - 1))).as("not yet due").isEmpty();
        for (int i = 1; i <= 3; i++) {
            assertThat(only(m.onTimer(10 + i * RETRY))).isEqualTo(p);
        }
        List<SolAction> lost = m.onTimer(10 + 4 * RETRY);
        assertThat(events(lost)).containsExactly(SolEvent.LINK_LOST);
        SolAction.Closed c = (SolAction.Closed) lost.get(lost.size() - 1);
        assertThat(c.failure()).containsInstanceOf(IpmiTimeoutException.class);
        assertThat(((IpmiTimeoutException) c.failure().get()).attempts()).isEqualTo(4);
        assertThat(m.isClosed()).isTrue();
        assertThatThrownBy(() -> m.write(ascii("x"), 3000)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lateAcknowledgementAfterARetransmissionCompletesThePacket() {
        SolDriver m = started(false);
        SolPacket p = only(m.write(ascii("abc"), 0));
        only(m.onTimer(RETRY));
        assertThat(sent(m.onInboundPayload(bmcAck(p.sequence(), 3), RETRY + 5))).isEmpty();
        assertThat(m.unacknowledgedBytes()).isZero();
        assertThat(sent(m.onTimer(2 * RETRY))).isEmpty();
    }

    @Test
    void partialAcceptanceResendsTheRemainderAsANewPacket() {
        SolDriver m = started(false);
        SolPacket p = only(m.write(ascii("hello world"), 0));
        SolPacket rest = only(m.onInboundPayload(bmcAck(p.sequence(), 5), 1));
        assertThat(rest.sequence()).isEqualTo(p.sequence() + 1);
        assertThat(rest.data()).isEqualTo(ascii(" world"));
    }

    @Test
    void nackPausesUntilTheBmcIsReadyOrThePollIntervalPasses() {
        SolDriver m = started(false);
        SolPacket p = only(m.write(new byte[28], 0));
        // ipmi_sim: took 12 characters, its 32-byte buffer is now full
        List<SolAction> a = m.onInboundPayload(bmcAck(p.sequence(), 12, BmcStatus.NACK), 1);
        assertThat(sent(a)).isEmpty();
        assertThat(events(a)).containsExactly(SolEvent.FLOW_PAUSED);
        assertThat(a).contains(new SolAction.ArmTimer(1 + RETRY));
        assertThat(m.unacknowledgedBytes()).isEqualTo(16);
        // buffer drained: ipmi_sim repeats its last acknowledgement without NACK
        List<SolAction> resumed = m.onInboundPayload(bmcAck(p.sequence(), 12), 100);
        assertThat(events(resumed)).containsExactly(SolEvent.FLOW_RESUMED);
        SolPacket rest = only(resumed);
        assertThat(rest.sequence()).isEqualTo(p.sequence() + 1);
        assertThat(rest.dataLength()).isEqualTo(16);
    }

    @Test
    void whilePausedTheRemainderIsPolledEveryRetryInterval() {
        SolDriver m = started(false);
        SolPacket p = only(m.write(new byte[10], 0));
        m.onInboundPayload(bmcAck(p.sequence(), 0, BmcStatus.NACK), 1);
        assertThat(sent(m.onTimer(RETRY))).isEmpty();
        SolPacket poll = only(m.onTimer(1 + RETRY));
        assertThat(poll.sequence()).isEqualTo(p.sequence() + 1);
        assertThat(poll.dataLength()).isEqualTo(10);
    }

    @Test
    void transferUnavailableIsReportedAndHoldsCharacters() {
        SolDriver m = started(false);
        SolPacket p = only(m.write(ascii("ab"), 0));
        List<SolAction> a = m.onInboundPayload(bmcAck(p.sequence(), 0, BmcStatus.TRANSFER_UNAVAILABLE), 1);
        assertThat(events(a)).containsExactly(SolEvent.TRANSFER_UNAVAILABLE);
        assertThat(m.unacknowledgedBytes()).isEqualTo(2);
        assertThat(sent(m.write(ascii("c"), 2))).isEmpty();
    }

    @Test
    void acceptedZeroWithoutReasonBacksOff() {
        SolDriver m = started(false);
        SolPacket p = only(m.write(ascii("ab"), 0));
        assertThat(sent(m.onInboundPayload(bmcAck(p.sequence(), 0), 1))).isEmpty();
        assertThat(only(m.onTimer(1 + RETRY)).data()).isEqualTo(ascii("ab"));
    }

    @Test
    void inboundDataIsDeliveredAndAcknowledgedWithItsLength() {
        SolDriver m = started(false);
        List<SolAction> a = m.onInboundPayload(bmcData(1, "hello\r\n"), 0);
        assertThat(delivered(a)).isEqualTo("hello\r\n");
        assertThat(only(a).encode()).isEqualTo(SolPacket.ack(1, 7).encode());
    }

    @Test
    void dataPacketCarryingAnAcknowledgementServesBoth() {
        SolDriver m = started(false);
        SolPacket mine = only(m.write(ascii("abcdef"), 0));
        byte[] both = SolPacket.fromBmc(3, mine.sequence(), 6, EnumSet.noneOf(BmcStatus.class), ascii("ok")).encode();
        List<SolAction> a = m.onInboundPayload(both, 1);
        assertThat(delivered(a)).isEqualTo("ok");
        assertThat(only(a).encode()).isEqualTo(SolPacket.ack(3, 2).encode());
        assertThat(m.unacknowledgedBytes()).isZero();
    }

    @Test
    void ackOnlyPacketsAreNeverAcknowledged() {
        SolDriver m = started(false);
        assertThat(sent(m.onInboundPayload(bmcAck(0, 0), 0))).isEmpty();
        assertThat(sent(m.onInboundPayload(bmcAck(9, 3), 0))).isEmpty();
    }

    @Test
    void retransmissionWithMoreCharactersDeliversOnlyTheNewOnes() {
        SolDriver m = started(false);
        assertThat(delivered(m.onInboundPayload(bmcData(4, "abc"), 0))).isEqualTo("abc");
        List<SolAction> again = m.onInboundPayload(bmcData(4, "abc"), 1000);
        assertThat(delivered(again)).isEmpty();
        assertThat(only(again).encode()).isEqualTo(SolPacket.ack(4, 3).encode());
        List<SolAction> grown = m.onInboundPayload(bmcData(4, "abcdef"), 2000);
        assertThat(delivered(grown)).isEqualTo("def");
        assertThat(only(grown).encode()).isEqualTo(SolPacket.ack(4, 6).encode());
        assertThat(m.duplicateCount()).isEqualTo(2);
    }

    @Test
    void lateDuplicatesOfEarlierPacketsAreIgnored() {
        SolDriver m = started(false);
        m.onInboundPayload(bmcData(1, "a"), 0);
        m.onInboundPayload(bmcData(2, "b"), 1);
        List<SolAction> late = m.onInboundPayload(bmcData(1, "a"), 2);
        assertThat(late).isEmpty();
        assertThat(delivered(m.onInboundPayload(bmcData(3, "c"), 3))).isEqualTo("c");
    }

    @Test
    void staleEmptyPacketOfAnEarlierConsoleIsAcknowledgedWithZero() {
        SolDriver m = started(false);
        List<SolAction> a = m.onInboundPayload(new byte[] {4, 0, 0, 0}, 0);
        assertThat(delivered(a)).isEmpty();
        assertThat(only(a).encode()).isEqualTo(new byte[] {0, 4, 0, 0});
    }

    @Test
    void breakGoesOutAloneAfterTheCharactersWrittenBeforeIt() {
        SolDriver m = started(false);
        SolPacket b = only(m.sendBreak(0));
        assertThat(b.operations()).containsExactly(ConsoleOperation.BREAK);
        assertThat(b.dataLength()).isZero();
        assertThat(sent(m.onInboundPayload(bmcAck(b.sequence(), 0), 1))).isEmpty();

        SolPacket first = only(m.write(new byte[40], 2));
        assertThat(sent(m.sendBreak(3))).as("waits for the 40 bytes").isEmpty();
        assertThat(sent(m.write(ascii("after"), 4))).isEmpty();
        SolPacket second = only(m.onInboundPayload(bmcAck(first.sequence(), 28), 5));
        assertThat(second.dataLength()).isEqualTo(12);
        assertThat(second.operations()).isEmpty();
        SolPacket brk = only(m.onInboundPayload(bmcAck(second.sequence(), 12), 6));
        assertThat(brk.operations()).containsExactly(ConsoleOperation.BREAK);
        assertThat(brk.dataLength()).isZero();
        SolPacket after = only(m.onInboundPayload(bmcAck(brk.sequence(), 0), 7));
        assertThat(after.data()).isEqualTo(ascii("after"));
        assertThat(after.operations()).isEmpty();
    }

    @Test
    void modemLinesAreLevelsCarriedByEveryPacket() {
        SolDriver m = started(false);
        SolPacket p = only(m.setModemLines(true, true, 0));
        assertThat(p.operations()).containsExactlyInAnyOrder(ConsoleOperation.CTS_PAUSE, ConsoleOperation.DROP_DCD_DSR);
        assertThat(sent(m.onInboundPayload(bmcAck(p.sequence(), 0), 1))).isEmpty();
        SolPacket d = only(m.write(ascii("x"), 600));
        assertThat(d.operations()).containsExactlyInAnyOrder(ConsoleOperation.CTS_PAUSE, ConsoleOperation.DROP_DCD_DSR);
        assertThatThrownBy(() -> m.sendOperations(EnumSet.of(ConsoleOperation.NACK), 700))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acknowledgementsKeepTheModemLineLevels() {
        SolDriver m = started(false);
        SolPacket p = only(m.setModemLines(true, false, 0));
        assertThat(sent(m.onInboundPayload(bmcAck(p.sequence(), 0), 1))).isEmpty();
        SolPacket ack = only(m.onInboundPayload(bmcData(3, "boot"), 2));
        assertThat(ack.ackSequence()).isEqualTo(3);
        assertThat(ack.accepted()).isEqualTo(4);
        assertThat(ack.operations()).containsExactly(ConsoleOperation.CTS_PAUSE);
    }

    @Test
    void bmcStatusEventsAreReportedOncePerPacket() {
        SolDriver m = started(false);
        List<SolAction> a = m.onInboundPayload(bmcData(1, "x", BmcStatus.BREAK_DETECTED, BmcStatus.TRANSMIT_OVERRUN), 0);
        assertThat(events(a)).containsExactly(SolEvent.BREAK_DETECTED, SolEvent.TRANSMIT_OVERRUN);
        List<SolAction> retransmitted = m.onInboundPayload(
                bmcData(1, "x", BmcStatus.BREAK_DETECTED, BmcStatus.TRANSMIT_OVERRUN), 10);
        assertThat(events(retransmitted)).isEmpty();
    }

    @Test
    void bmcSideDeactivationClosesTheConsole() {
        SolDriver m = started(false);
        List<SolAction> a = m.onInboundPayload(bmcData(2, "bye", BmcStatus.DEACTIVATING), 0);
        assertThat(delivered(a)).isEqualTo("bye");
        assertThat(events(a)).containsExactly(SolEvent.DEACTIVATED_BY_BMC);
        SolAction.Closed c = (SolAction.Closed) a.get(a.size() - 1);
        assertThat(c.reason()).isEqualTo(SolEvent.DEACTIVATED_BY_BMC);
        assertThat(c.failure()).isEmpty();
        assertThat(m.isClosed()).isTrue();
        assertThat(m.onInboundPayload(bmcData(3, "more"), 1)).isEmpty();
    }

    @Test
    void keepaliveIsRequestedAfterIdleTime() {
        SolDriver m = new SolDriver(new SolSettings(28, RETRY, 3, 15_000, false));
        List<SolAction> a = m.start(0);
        assertThat(a).contains(new SolAction.ArmTimer(15_000));
        assertThat(m.onTimer(14_999)).doesNotContain(new SolAction.Keepalive());
        List<SolAction> k = m.onTimer(15_000);
        assertThat(k).contains(new SolAction.Keepalive(), new SolAction.ArmTimer(30_000));
        m.write(ascii("x"), 20_000);
        assertThat(m.nextDeadline()).hasValue(20_000 + RETRY);
    }

    @Test
    void malformedPayloadsAreDroppedAndCounted() {
        SolDriver m = started(false);
        assertThat(m.onInboundPayload(new byte[] {1, 2}, 0)).isEmpty();
        assertThat(m.onInboundPayload(new byte[] {0, 0, 0, 0, 'x'}, 0)).isEmpty();
        assertThat(m.malformedCount()).isEqualTo(2);
        assertThat(m.isClosed()).isFalse();
    }

    private static SolDriver smallBuffer(int bytes) {
        SolDriver m = new SolDriver(new SolSettings(28, RETRY, 3, 0, false, bytes));
        assertThat(sent(m.start(0))).isEmpty();
        return m;
    }

    private static byte[] consoleNack(int seq) {
        return new SolPacket(0, seq, 0, ConsoleOperation.NACK.bit(), new byte[0]).encode();
    }

    @Test
    void packetThatDoesNotFitIsAcknowledgedWithTheCharactersTaken() {
        SolDriver m = smallBuffer(10);
        List<SolAction> first = m.onInboundPayload(bmcData(1, "abcdefgh"), 0);
        assertThat(delivered(first)).isEqualTo("abcdefgh");
        assertThat(only(first).encode()).isEqualTo(SolPacket.ack(1, 8).encode());
        List<SolAction> second = m.onInboundPayload(bmcData(2, "123456"), 1);
        assertThat(delivered(second)).isEqualTo("12");
        assertThat(only(second).encode()).as("IPMI v2.0 15.9: the BMC sends the rest again")
                .isEqualTo(SolPacket.ack(2, 2).encode());
        assertThat(m.inboundBuffered()).isEqualTo(10);
        // ipmi_sim sends the remainder under its next number
        m.consumed(4, 2);
        List<SolAction> rest = m.onInboundPayload(bmcData(3, "3456"), 3);
        assertThat(delivered(rest)).isEqualTo("3456");
        assertThat(only(rest).encode()).isEqualTo(SolPacket.ack(3, 4).encode());
    }

    @Test
    void fullBufferNacksThenResumesIpmiSimWithItsNextNumberOnceHalfIsRead() {
        SolDriver m = smallBuffer(10);
        m.onInboundPayload(bmcData(2, "0123456789"), 0);
        List<SolAction> full = m.onInboundPayload(bmcData(3, "xyz"), 1);
        assertThat(delivered(full)).isEmpty();
        assertThat(only(full).encode()).isEqualTo(consoleNack(3));
        assertThat(m.nextDeadline()).as("nothing to do until the application reads").isEmpty();
        assertThat(sent(m.consumed(4, 2))).as("6 of 10 still buffered").isEmpty();
        SolPacket resume = only(m.consumed(1, 3));
        assertThat(resume.encode()).as("ACK-only for ipmi_sim's next number, count 0, no NACK")
                .isEqualTo(new byte[] {0, 4, 0, 0});
        assertThat(m.nextDeadline()).hasValue(3 + RETRY);
        assertThat(only(m.onTimer(3 + RETRY)).encode()).as("repeated until data comes").isEqualTo(resume.encode());
        List<SolAction> data = m.onInboundPayload(bmcData(5, "xyz"), 600);
        assertThat(delivered(data)).isEqualTo("xyz");
        assertThat(only(data).encode()).isEqualTo(SolPacket.ack(5, 3).encode());
        assertThat(m.nextDeadline()).isEmpty();
        assertThat(m.onInboundPayload(bmcData(3, "xyz"), 601)).as("late copy of the NACKed packet").isEmpty();
        assertThat(m.inboundBuffered()).isEqualTo(8);
    }

    @Test
    void copiesOfAPacketAnsweredShortNeverDeliverMore() {
        SolDriver m = smallBuffer(10);
        m.onInboundPayload(bmcData(1, "012345"), 0);
        List<SolAction> partial = m.onInboundPayload(bmcData(2, "abcdefgh"), 1);
        assertThat(delivered(partial)).isEqualTo("abcd");
        m.consumed(10, 2);
        List<SolAction> copy = m.onInboundPayload(bmcData(2, "abcdefgh"), 3);
        assertThat(delivered(copy)).as("ipmi_sim already sends \"efgh\" under its next number").isEmpty();
        assertThat(only(copy).encode()).isEqualTo(SolPacket.ack(2, 4).encode());
        assertThat(delivered(m.onInboundPayload(bmcData(3, "efgh"), 4))).isEqualTo("efgh");
    }

    @Test
    void copyOfANackedPacketIsNackedAgainEvenWithRoom() {
        SolDriver m = smallBuffer(10);
        m.onInboundPayload(bmcData(1, "0123456789"), 0);
        assertThat(only(m.onInboundPayload(bmcData(2, "xyz"), 1)).encode()).isEqualTo(consoleNack(2));
        assertThat(sent(m.consumed(2, 600))).as("8 of 10 still buffered: no resume yet").isEmpty();
        List<SolAction> again = m.onInboundPayload(bmcData(2, "xyz"), 1000);
        assertThat(delivered(again)).as("ipmi_sim retransmits only when it missed the NACK").isEmpty();
        assertThat(only(again).encode()).isEqualTo(consoleNack(2));
        assertThat(only(m.consumed(4, 1001)).encode()).isEqualTo(new byte[] {0, 3, 0, 0});
        assertThat(only(m.onInboundPayload(bmcData(2, "xyz"), 1002)).encode()).isEqualTo(consoleNack(2));
        assertThat(m.nextDeadline()).as("the resume goes on").hasValue(1001 + RETRY);
        assertThat(delivered(m.onInboundPayload(bmcData(4, "xyz"), 1003))).isEqualTo("xyz");
    }

    @Test
    void resumeIsGivenUpAfterTheRetries() {
        SolDriver m = smallBuffer(10);
        m.onInboundPayload(bmcData(15, "0123456789"), 0);
        m.onInboundPayload(bmcData(1, "z"), 1);
        SolPacket resume = only(m.consumed(10, 2));
        assertThat(resume.ackSequence()).isEqualTo(2);
        for (int i = 1; i <= 3; i++) {
            assertThat(only(m.onTimer(2 + i * RETRY)).encode()).isEqualTo(resume.encode());
        }
        assertThat(only(m.onInboundPayload(bmcData(1, "z"), 2 + 3 * RETRY)).encode()).as("while resuming")
                .isEqualTo(consoleNack(1));
        assertThat(sent(m.onTimer(2 + 4 * RETRY))).isEmpty();
        assertThat(m.nextDeadline()).isEmpty();
        List<SolAction> copy = m.onInboundPayload(bmcData(1, "z"), 3000);
        assertThat(delivered(copy)).as("given up: this BMC retransmits NACKed packets itself").isEqualTo("z");
        assertThat(only(copy).encode()).isEqualTo(SolPacket.ack(1, 1).encode());
    }

    @Test
    void resumeAfterSequence15AcknowledgesNumber1() {
        SolDriver m = smallBuffer(10);
        m.onInboundPayload(bmcData(14, "0123456789"), 0);
        m.onInboundPayload(bmcData(15, "z"), 1);
        assertThat(only(m.consumed(10, 2)).encode()).isEqualTo(new byte[] {0, 1, 0, 0});
    }

    @Test
    void consumingMoreThanWasDeliveredIsRejected() {
        SolDriver m = smallBuffer(10);
        m.onInboundPayload(bmcData(1, "abc"), 0);
        assertThatThrownBy(() -> m.consumed(4, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 of 3");
        assertThatThrownBy(() -> m.consumed(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inboundBufferOptionHasBoundsAndReachesTheSettings() {
        assertThat(SolOptions.defaults().inboundBuffer()).isEqualTo(64 * 1024);
        ActivatePayload.Response a = new ActivatePayload.Response(0, 0x20, 0x4000, 623, 0xFFFF);
        assertThat(SolSettings.of(a, Optional.empty(), SolOptions.defaults()).inboundBufferSize()).isEqualTo(65536);
        assertThat(SolSettings.of(a, Optional.empty(), SolOptions.builder().inboundBuffer(4096).build()).inboundBufferSize())
                .isEqualTo(4096);
        assertThatThrownBy(() -> SolOptions.builder().inboundBuffer(255))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inbound buffer");
        assertThatThrownBy(() -> SolOptions.builder().inboundBuffer(64 * 1024 * 1024 + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slowReaderAgainstIpmiSimLikeBmcGetsEveryByteInOrderWithinTheBound() {
        SolDriver console = new SolDriver(new SolSettings(28, 40, 7, 0, true, 300));
        FakeSolBmc bmc = new FakeSolBmc(32, 2, 60, FakeSolBmc.Dedupe.LAST_ONLY, 0, 0);
        SolLink link = new SolLink(console, bmc, 7, 0, 0, 3, 0);
        byte[] fromHost = new byte[20_000];
        new java.util.Random(7).nextBytes(fromHost);
        bmc.hostWrites(fromHost);
        link.apply(console.start(0));
        int steps = 0;
        while (steps++ < 1_000_000 && link.delivered.size() < fromHost.length) {
            assertThat(console.inboundBuffered()).isLessThanOrEqualTo(300);
            boolean moved = link.step();
            if (!moved || steps % 50 == 0) {
                // the application reads a little, rarely (or when everything waits for it)
                link.apply(console.consumed(Math.min(console.inboundBuffered(), 64), link.now));
            }
        }
        assertThat(Arrays.mismatch(link.delivered.toByteArray(), fromHost)).as("first differing byte").isEqualTo(-1);
        assertThat(bmc.nacks).as("the reader was slow enough to fill the buffer").isPositive();
        assertThat(link.closed).isNull();
    }

    @Test
    void bytesWrittenBeforeStartWaitForIt() {
        SolDriver m = new SolDriver(settings(false));
        assertThat(m.write(ascii("early"), 0)).isEmpty();
        assertThat(only(m.start(1)).data()).isEqualTo(ascii("early"));
        assertThatThrownBy(() -> m.start(2)).isInstanceOf(IllegalStateException.class);
    }
}
