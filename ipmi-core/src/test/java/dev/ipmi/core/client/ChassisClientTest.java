package dev.ipmi.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ipmi.core.CompletionCodeException;
import dev.ipmi.core.IpmiTimeoutException;
import dev.ipmi.core.commands.chassis.BootDevice;
import dev.ipmi.core.commands.chassis.BootFlags;
import dev.ipmi.core.commands.chassis.ChassisIdentifyState;
import dev.ipmi.core.commands.chassis.GetChassisStatus;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.commands.chassis.PowerRestorePolicy;
import dev.ipmi.core.commands.chassis.RestartCause;
import dev.ipmi.core.wire.Hex;
import dev.ipmi.testing.FakeTransport;
import dev.ipmi.testing.ManualScheduler;
import dev.ipmi.testing.Vectors;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChassisClientTest {
    private static final int CHASSIS = 0x00;

    /** A chassis whose power follows Chassis Control at once, or after {@code lag} status reads. */
    private static final class FakeChassis {
        final FakeTransport fake = new FakeTransport();
        final AtomicBoolean on = new AtomicBoolean();
        final AtomicInteger statusReads = new AtomicInteger();
        final AtomicInteger controls = new AtomicInteger();
        volatile Boolean pending;
        volatile int lag;
        volatile int changeAt;

        FakeChassis(boolean initiallyOn) {
            on.set(initiallyOn);
            fake.on(CHASSIS, 0x01, req -> {
                int n = statusReads.incrementAndGet();
                if (pending != null && n >= changeAt) {
                    on.set(pending);
                    pending = null;
                }
                return new byte[] {0x00, (byte) (on.get() ? 0x01 : 0x00), 0x00, 0x00};
            });
            fake.on(CHASSIS, 0x02, req -> {
                controls.incrementAndGet();
                int action = req[0];
                Boolean target = action == 1 ? Boolean.TRUE : action == 0 || action == 5 ? Boolean.FALSE : null;
                if (target != null) {
                    pending = target;
                    changeAt = statusReads.get() + 1 + lag;
                }
                return new byte[] {0x00};
            });
        }
    }

    @Test
    void statusDecodesIpmiSimReply() {
        FakeTransport fake = new FakeTransport()
                .answer(CHASSIS, 0x01, Vectors.load("facade/ipmi-sim-responses.hex", "chassis_status_off"));
        GetChassisStatus.Response s = IpmiClient.using(fake).chassis().status();
        assertThat(s.powerOn()).isFalse();
        assertThat(s.restorePolicy()).isEqualTo(PowerRestorePolicy.ALWAYS_OFF);
        assertThat(s.identifyState()).isEmpty();
        assertThat(s.frontPanel()).isEmpty();
    }

    @Test
    void statusWithIdentifyAndFrontPanel() {
        // power on, restore policy previous (01b << 5), last event via IPMI, identify supported + indefinite on
        FakeTransport fake = new FakeTransport().answer(CHASSIS, 0x01, Hex.parse("00 21 10 60 0f"));
        GetChassisStatus.Response s = IpmiClient.using(fake).chassis().status();
        assertThat(s.powerOn()).isTrue();
        assertThat(s.restorePolicy()).isEqualTo(PowerRestorePolicy.PREVIOUS);
        assertThat(s.identifyState()).contains(ChassisIdentifyState.INDEFINITE_ON);
        assertThat(s.frontPanel()).isPresent();
    }

    @Test
    void powerOnWhenAlreadyOnSendsNothing() {
        FakeChassis c = new FakeChassis(true);
        PowerResult r = IpmiClient.using(c.fake).chassis().power(PowerAction.POWER_UP);
        assertThat(r).isEqualTo(new PowerResult(PowerAction.POWER_UP, true, false));
        assertThat(c.controls).hasValue(0);
        assertThat(c.fake.sent()).extracting(s -> s.id().cmd()).containsExactly(0x01);
    }

    @Test
    void powerOffAndSoftWhenAlreadyOffSendNothing() {
        FakeChassis c = new FakeChassis(false);
        Chassis chassis = IpmiClient.using(c.fake).chassis();
        assertThat(chassis.power(PowerAction.POWER_DOWN).sent()).isFalse();
        assertThat(chassis.power(PowerAction.SOFT_SHUTDOWN).sent()).isFalse();
        assertThat(c.controls).hasValue(0);
    }

    @Test
    void powerOnWhenOffSendsChassisControlUp() {
        FakeChassis c = new FakeChassis(false);
        PowerResult r = IpmiClient.using(c.fake).chassis().power(PowerAction.POWER_UP);
        assertThat(r).isEqualTo(new PowerResult(PowerAction.POWER_UP, false, true));
        assertThat(c.fake.sent()).hasSize(2);
        assertThat(c.fake.sent().get(1).id().cmd()).isEqualTo(0x02);
        assertThat(c.fake.sent().get(1).data()).containsExactly(0x01);
    }

    @Test
    void cycleResetAndDiagAreAlwaysSent() {
        FakeChassis c = new FakeChassis(true);
        Chassis chassis = IpmiClient.using(c.fake).chassis();
        for (PowerAction a : List.of(PowerAction.POWER_CYCLE, PowerAction.HARD_RESET, PowerAction.DIAGNOSTIC_INTERRUPT)) {
            assertThat(chassis.power(a).sent()).isTrue();
        }
        assertThat(c.fake.sent().stream().filter(s -> s.id().cmd() == 0x02).map(s -> s.data()[0] & 0xFF))
                .containsExactly(0x02, 0x03, 0x04);
    }

    @Test
    void powerAndWaitPollsOnTheSchedulerUntilTheStateIsReached() {
        FakeChassis c = new FakeChassis(false);
        c.lag = 3;
        ManualScheduler sched = new ManualScheduler();
        IpmiClient client = IpmiClient.using(c.fake, sched);
        CompletableFuture<GetChassisStatus.Response> f = client.async().chassis()
                .powerAndWait(PowerAction.POWER_UP, Duration.ofSeconds(10), Duration.ofMillis(500));
        assertThat(f).isNotDone();
        sched.advance(Duration.ofMillis(1000));
        assertThat(f).isNotDone();
        sched.advance(Duration.ofMillis(500));
        assertThat(f).isCompleted();
        assertThat(f.join().powerOn()).isTrue();
        assertThat(sched.delays()).containsOnly(Duration.ofMillis(500)).hasSize(3);
        // one status read before deciding, then the first poll, then 3 scheduled polls
        assertThat(c.statusReads).hasValue(5);
        assertThat(c.controls).hasValue(1);
    }

    @Test
    void powerAndWaitTimesOutWithTypedException() {
        FakeChassis c = new FakeChassis(true);
        c.lag = 1000;
        ManualScheduler sched = new ManualScheduler();
        CompletableFuture<GetChassisStatus.Response> f = IpmiClient.using(c.fake, sched).async().chassis()
                .powerAndWait(PowerAction.SOFT_SHUTDOWN, Duration.ofSeconds(3), Duration.ofSeconds(1));
        assertThat(sched.runAll(100)).isEqualTo(3);
        assertThat(sched.now()).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(IpmiTimeoutException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(4);
                    assertThat(e.elapsed()).isEqualTo(Duration.ofSeconds(3));
                });
    }

    @Test
    void powerAndWaitOnAnAlreadyReachedStateSchedulesNothing() {
        FakeChassis c = new FakeChassis(true);
        ManualScheduler sched = new ManualScheduler();
        GetChassisStatus.Response s = IpmiClient.using(c.fake, sched).chassis()
                .powerAndWait(PowerAction.POWER_UP, Duration.ofSeconds(5));
        assertThat(s.powerOn()).isTrue();
        assertThat(sched.delays()).isEmpty();
        assertThat(c.controls).hasValue(0);
    }

    @Test
    void powerAndWaitRejectsNonPositiveInterval() {
        IpmiClient client = IpmiClient.using(new FakeTransport(), new ManualScheduler());
        assertThatThrownBy(() -> client.chassis().powerAndWait(PowerAction.POWER_UP, Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setBootFlagsReplaysIpmitoolAgainstIpmiSimWithoutParameterZero() {
        ScriptedExchange x = new ScriptedExchange("facade/bootdev-pxe-persistent-efi.hex");
        IpmiClient.using(x.fake).chassis()
                .setBootFlags(BootFlags.ipmitoolBootdev("pxe", false, "persistent", "efiboot"));
        x.assertReplayedExactly();
    }

    @Test
    void setBootFlagsWithParameterZeroCommitsAndCompletes() {
        FakeTransport fake = new FakeTransport().answer(CHASSIS, 0x08, (byte) 0x00);
        IpmiClient.using(fake).chassis().setBootFlags(BootFlags.builder().device(BootDevice.DISK).build());
        assertThat(fake.sent()).extracting(s -> Hex.dump(s.data())).containsExactly(
                Hex.dump(Hex.parse("00 01")), Hex.dump(Hex.parse("04 01 01")),
                Hex.dump(Hex.parse("05 80 08 00 00 00")), Hex.dump(Hex.parse("00 02")),
                Hex.dump(Hex.parse("00 00")));
    }

    @Test
    void setBootFlagsFailureAfterLockStillCompletesTheSet() {
        FakeTransport fake = new FakeTransport().on(CHASSIS, 0x08, req -> req[0] == 0x05
                ? new byte[] {(byte) 0xC9} : new byte[] {0x00});
        Chassis chassis = IpmiClient.using(fake).chassis();
        assertThatThrownBy(() -> chassis.setBootFlags(BootFlags.builder().device(BootDevice.PXE).build()))
                .isInstanceOf(CompletionCodeException.class);
        assertThat(fake.sent()).extracting(s -> s.data()[0] & 0xFF).containsExactly(0x00, 0x04, 0x05, 0x00);
        assertThat(fake.sent().get(3).data()).containsExactly(0x00, 0x00);
    }

    @Test
    void bootFlagsReadsParameterFive() {
        // ipmi_sim's reply to "raw 0 9 5 0 0": version 1, parameter 5, data 00 08 00 00 00
        FakeTransport fake = new FakeTransport().answer(CHASSIS, 0x09, Hex.parse("00 01 05 00 08 00 00 00"));
        BootFlags f = IpmiClient.using(fake).chassis().bootFlags();
        assertThat(f.valid()).isFalse();
        assertThat(f.device()).isEqualTo(BootDevice.DISK);
        assertThat(fake.sent().get(0).data()).containsExactly(0x05, 0x00, 0x00);
    }

    @Test
    void identifyVariants() {
        FakeTransport fake = new FakeTransport().answer(CHASSIS, 0x04, (byte) 0x00);
        Chassis chassis = IpmiClient.using(fake).chassis();
        chassis.identify();
        chassis.identify(30);
        chassis.identifyForce();
        chassis.identify(0);
        assertThat(fake.sent()).extracting(s -> Hex.dump(s.data()))
                .containsExactly("", Hex.dump(new byte[] {30}), Hex.dump(Hex.parse("00 01")), Hex.dump(new byte[] {0}));
    }

    @Test
    void pohRestartCauseAndPolicy() {
        FakeTransport fake = new FakeTransport()
                .answer(CHASSIS, 0x0F, Hex.parse("00 3c 10 27 00 00"))
                .answer(CHASSIS, 0x07, Hex.parse("00 01 01"))
                .answer(CHASSIS, 0x06, Hex.parse("00 07"));
        Chassis chassis = IpmiClient.using(fake).chassis();
        assertThat(chassis.powerOnHours().counter()).isEqualTo(10000);
        assertThat(chassis.powerOnHours().minutesPerCount()).isEqualTo(60);
        assertThat(chassis.restartCause().cause()).isEqualTo(RestartCause.CHASSIS_CONTROL);
        assertThat(chassis.setPowerRestorePolicy(PowerRestorePolicy.ALWAYS_ON).supports(PowerRestorePolicy.PREVIOUS))
                .isTrue();
        assertThat(chassis.powerRestorePolicies().alwaysOnSupported()).isTrue();
        assertThat(fake.sent().stream().filter(s -> s.id().cmd() == 0x06).map(s -> s.data()[0] & 0xFF))
                .containsExactly(0x02, 0x03);
    }
}
