package dev.ipmi.bmc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.bmc.BmcQuirk;
import dev.ipmi.bmc.BmcUser;
import dev.ipmi.bmc.InMemoryBackend;
import dev.ipmi.core.CommandId;
import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.commands.app.GetChannelPayloadVersion;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.app.GetSelfTestResults;
import dev.ipmi.core.commands.app.GetSystemGuid;
import dev.ipmi.core.commands.app.SelfTestResult;
import dev.ipmi.core.commands.chassis.GetChassisCapabilities;
import dev.ipmi.core.commands.chassis.GetChassisStatus;
import dev.ipmi.core.commands.storage.GetSelTime;
import dev.ipmi.core.commands.storage.ReserveSel;
import dev.ipmi.core.commands.chassis.BootDevice;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.commands.storage.GetSdr;
import dev.ipmi.core.sdr.SdrRecord;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.types.CipherSuite;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class BmcDispatcherTest {
    final AtomicLong clock = new AtomicLong(0);
    final InMemoryBackend backend = InMemoryBackend.builder().clock(clock::get).wallClock(() -> 1_700_000_000_000L)
            .cycleNanos(2_000_000_000L).build();
    final BmcDispatcher dispatcher = new BmcDispatcher(backend,
            List.of(new BmcUser(2, "admin", "pw".getBytes(), PrivilegeLevel.ADMINISTRATOR),
                    new BmcUser(3, "op", "pw".getBytes(), PrivilegeLevel.OPERATOR)),
            List.of(CipherSuite.SUITE_3, CipherSuite.SUITE_17), Set.of(), 1, 0x14);

    static CommandContext at(PrivilegeLevel level) {
        return new CommandContext(1, level, 2, 0x1234, true);
    }

    byte[] call(PrivilegeLevel level, int netFn, int cmd, int... data) {
        byte[] d = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            d[i] = (byte) data[i];
        }
        return dispatcher.handle(at(level), netFn, cmd, d);
    }

    @Test
    void unknownCommandIsC1() {
        assertThat(call(PrivilegeLevel.ADMINISTRATOR, 0x06, 0x99)).containsExactly(0xC1);
        assertThat(call(PrivilegeLevel.ADMINISTRATOR, 0x30, 0x01)).containsExactly(0xC1);
    }

    @Test
    void insufficientPrivilegeIsD4() {
        assertThat(call(PrivilegeLevel.USER, 0x00, 0x02, 0x01)).containsExactly(0xD4);
        assertThat(backend.powerOn()).isFalse();
        assertThat(call(PrivilegeLevel.OPERATOR, 0x00, 0x02, 0x01)).containsExactly(0x00);
        assertThat(backend.powerOn()).isTrue();
        assertThat(call(PrivilegeLevel.USER, 0x06, 0x44, 0x01, 0x02)).containsExactly(0xD4);
    }

    @Test
    void preSessionOnlyAnswersCipherSuitesAndSystemGuid() {
        CommandContext none = new CommandContext(1, PrivilegeLevel.NO_ACCESS, 0, 0, true);
        assertThat(dispatcher.handle(none, 0x06, 0x01, new byte[0])).isNull();
        assertThat(dispatcher.handle(none, 0x06, 0x54, new byte[] {0x0E, 0x00, (byte) 0x80}))
                .startsWith(0x00, 0x01, 0xC0, 0x03, 0x01, 0x41, 0x81, 0xC0, 0x11, 0x03, 0x44, 0x81);
        assertThat(dispatcher.handle(none, 0x06, 0x37, new byte[0])).hasSize(17);
        BmcDispatcher quirky = new BmcDispatcher(backend, List.of(), List.of(CipherSuite.SUITE_3),
                Set.of(BmcQuirk.IGNORE_PRESESSION_CIPHER_SUITES), 1, 0);
        assertThat(quirky.handle(none, 0x06, 0x54, new byte[] {0x0E, 0x00, (byte) 0x80})).isNull();
    }

    @Test
    void shortRequestIsC7() {
        assertThat(call(PrivilegeLevel.ADMINISTRATOR, 0x0A, 0x23, 0x00)).containsExactly(0xC7);
        assertThat(call(PrivilegeLevel.ADMINISTRATOR, 0x04, 0x2D)).containsExactly(0xC7);
    }

    @Test
    void sdrRepositoryWalkAndPartialReads() {
        byte[] info = call(PrivilegeLevel.USER, 0x0A, 0x20);
        int count = (info[2] & 0xFF) | (info[3] & 0xFF) << 8;
        assertThat(count).isEqualTo(backend.sdrs().size());
        int next = 0;
        int seen = 0;
        while (next != 0xFFFF) {
            byte[] r = call(PrivilegeLevel.USER, 0x0A, 0x23, 0, 0, next & 0xFF, next >>> 8, 0, 0xFF);
            assertThat(r[0]).isZero();
            GetSdr.Response resp = GetSdr.Response.decode(ByteReader.of(r, 1, r.length - 1));
            assertThat(resp.data().toByteArray()).isEqualTo(backend.sdrs().get(seen));
            assertThat(SdrRecord.decode(resp.data().toByteArray())).isNotNull();
            next = resp.nextRecordId();
            seen++;
        }
        assertThat(seen).isEqualTo(count);
        assertThat(call(PrivilegeLevel.USER, 0x0A, 0x23, 0x00, 0x00, 0x01, 0x00, 0x05, 0x10)).containsExactly(0xC5);
        byte[] reservation = call(PrivilegeLevel.USER, 0x0A, 0x22);
        byte[] part = call(PrivilegeLevel.USER, 0x0A, 0x23, reservation[1], reservation[2], 0x01, 0x00, 0x05, 0x10);
        assertThat(Arrays.copyOfRange(part, 3, part.length))
                .isEqualTo(Arrays.copyOfRange(backend.sdrs().get(0), 5, 21));
        assertThat(call(PrivilegeLevel.USER, 0x0A, 0x23, 0, 0, 0x99, 0, 0, 0xFF)).containsExactly(0xCB);
    }

    @Test
    void sensorReadingAndThresholds() {
        byte[] r = call(PrivilegeLevel.USER, 0x04, 0x2D, 0x01);
        assertThat(r[0]).isZero();
        assertThat(r[1] & 0xFF).isBetween(42, 48);
        assertThat(r[2] & 0xFF).isEqualTo(0xC0);
        assertThat(call(PrivilegeLevel.USER, 0x04, 0x27, 0x01)).containsExactly(0x00, 0x38, 0, 0, 0, 85, 95, 105);
        assertThat(call(PrivilegeLevel.USER, 0x04, 0x2D, 0x77)).containsExactly(0xCB);
    }

    @Test
    void bootFlagsRoundTrip() {
        assertThat(call(PrivilegeLevel.OPERATOR, 0x00, 0x08, 0x05, 0x80, 0x04, 0x00, 0x00, 0x00))
                .containsExactly(0x00);
        assertThat(backend.bootFlags().device()).isEqualTo(BootDevice.PXE);
        assertThat(call(PrivilegeLevel.USER, 0x00, 0x09, 0x05, 0x00, 0x00))
                .containsExactly(0x00, 0x01, 0x05, 0x80, 0x04, 0x00, 0x00, 0x00);
    }

    @Test
    void selRecordsPowerEventsAndClearsWithReservation() {
        int before = backend.selEntries().size();
        call(PrivilegeLevel.OPERATOR, 0x00, 0x02, 0x01);
        call(PrivilegeLevel.OPERATOR, 0x00, 0x02, 0x00);
        assertThat(backend.selEntries()).hasSize(before + 2);
        byte[] info = call(PrivilegeLevel.USER, 0x0A, 0x40);
        assertThat((info[2] & 0xFF) | (info[3] & 0xFF) << 8).isEqualTo(before + 2);
        byte[] last = call(PrivilegeLevel.USER, 0x0A, 0x43, 0, 0, 0xFF, 0xFF, 0, 0xFF);
        assertThat(last[1] & 0xFF).isEqualTo(0xFF);
        assertThat(last[2] & 0xFF).isEqualTo(0xFF);
        assertThat(last[3 + 10]).isEqualTo((byte) 0x09);
        assertThat(last[3 + 12] & 0x80).as("assertion = power off").isZero();
        assertThat(call(PrivilegeLevel.OPERATOR, 0x0A, 0x47, 0x00, 0x00, 'C', 'L', 'R', 0xAA)).containsExactly(0xC5);
        byte[] res = call(PrivilegeLevel.USER, 0x0A, 0x42);
        assertThat(call(PrivilegeLevel.OPERATOR, 0x0A, 0x47, res[1], res[2], 'C', 'L', 'R', 0xAA))
                .containsExactly(0x00, 0x01);
        assertThat(backend.selEntries()).isEmpty();
        assertThat(call(PrivilegeLevel.USER, 0x0A, 0x43, 0, 0, 0, 0, 0, 0xFF)).containsExactly(0xCB);
    }

    @Test
    void fruInfoAndChunkedRead() {
        byte[] info = call(PrivilegeLevel.USER, 0x0A, 0x10, 0x00);
        int size = (info[1] & 0xFF) | (info[2] & 0xFF) << 8;
        byte[] fru = backend.fru(0).orElseThrow();
        assertThat(size).isEqualTo(fru.length);
        byte[] chunk = call(PrivilegeLevel.USER, 0x0A, 0x11, 0x00, 0x08, 0x00, 0x10);
        assertThat(chunk[1]).isEqualTo((byte) 0x10);
        assertThat(Arrays.copyOfRange(chunk, 2, chunk.length)).isEqualTo(Arrays.copyOfRange(fru, 8, 24));
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += fru[i];
        }
        assertThat(sum & 0xFF).as("common header checksum").isZero();
        assertThat(call(PrivilegeLevel.USER, 0x0A, 0x10, 0x05)).containsExactly(0xCB);
    }

    @Test
    void userAccessAndNames() {
        assertThat(call(PrivilegeLevel.OPERATOR, 0x06, 0x44, 0x01, 0x02)).containsExactly(0x00, 0x10, 0x42, 0x00,
                0x14);
        byte[] name = call(PrivilegeLevel.OPERATOR, 0x06, 0x46, 0x03);
        assertThat(new String(name, 1, 2)).isEqualTo("op");
        assertThat(name).hasSize(17);
    }

    @Test
    void lanParametersAndDcmiPowerReading() {
        assertThat(call(PrivilegeLevel.OPERATOR, 0x0C, 0x02, 0x01, 0x03, 0x00, 0x00))
                .containsExactly(0x00, 0x11, 192, 0, 2, 10);
        assertThat(call(PrivilegeLevel.OPERATOR, 0x0C, 0x02, 0x01, 0x17, 0x00, 0x00))
                .containsExactly(0x00, 0x11, 0x00, 0x03, 0x11);
        assertThat(call(PrivilegeLevel.OPERATOR, 0x0C, 0x02, 0x01, 0x01, 0x00, 0x00))
                .containsExactly(0x00, 0x11, 0x14);
        assertThat(call(PrivilegeLevel.OPERATOR, 0x0C, 0x02, 0x01, 0x63, 0x00, 0x00)).containsExactly(0x80);
        byte[] off = call(PrivilegeLevel.USER, 0x2C, 0x02, 0xDC, 0x01, 0x00, 0x00);
        assertThat(off[1] & 0xFF).isEqualTo(0xDC);
        assertThat(off[2] | off[3]).isZero();
        backend.power(PowerAction.POWER_UP);
        byte[] on = call(PrivilegeLevel.USER, 0x2C, 0x02, 0xDC, 0x01, 0x00, 0x00);
        assertThat((on[2] & 0xFF) | (on[3] & 0xFF) << 8).isEqualTo(backend.powerReading().orElseThrow().current());
        assertThat(on[18] & 0x40).isEqualTo(0x40);
    }

    @Test
    void systemGuidIsAnIpmiOrderedVersion3Uuid() {
        byte[] r = call(PrivilegeLevel.USER, 0x06, 0x08);
        var uuid = new dev.ipmi.core.types.Guid(Arrays.copyOfRange(r, 1, 17)).asIpmiUuid();
        assertThat(uuid.version()).isEqualTo(3);
        assertThat(uuid.variant()).isEqualTo(2);
    }

    @Test
    void powerCycleTakesTimeOnTheFakeClock() {
        backend.power(PowerAction.POWER_UP);
        call(PrivilegeLevel.OPERATOR, 0x00, 0x02, 0x02);
        assertThat(call(PrivilegeLevel.USER, 0x00, 0x01)[1] & 0x01).isZero();
        clock.addAndGet(1_999_999_999L);
        assertThat(backend.powerOn()).isFalse();
        clock.addAndGet(1);
        assertThat(call(PrivilegeLevel.USER, 0x00, 0x01)[1] & 0x01).isEqualTo(1);
    }

    @Property(tries = 500)
    void arbitraryRequestsGetACompletionCode(@ForAll int netFnSeed, @ForAll int cmdSeed, @ForAll byte[] data) {
        byte[] r = dispatcher.handle(at(PrivilegeLevel.ADMINISTRATOR), Math.floorMod(netFnSeed, 0x40) & ~1,
                Math.floorMod(cmdSeed, 0x100), data);
        assertThat(r).isNotEmpty();
    }

    /** The reply bytes of a request, decoded with the client's own codec for it. */
    <R> R roundTrip(IpmiRequest<R> request) {
        byte[] reply = dispatcher.handle(at(PrivilegeLevel.ADMINISTRATOR), request.id().netFn().code(),
                request.id().cmd(), request.toBytes());
        assertThat(reply[0]).as(request.id().name() + " completion code").isZero();
        return request.decodeResponse(ByteReader.of(Arrays.copyOfRange(reply, 1, reply.length)));
    }

    @Test
    void repliesDecodeWithTheClientCodecs() {
        assertThat(roundTrip(new GetSelfTestResults.Request()).result()).isEqualTo(SelfTestResult.PASSED);
        assertThat(roundTrip(new GetDeviceId.Request())).isEqualTo(backend.deviceId());
        assertThat(roundTrip(new GetSystemGuid.Request()).guid().bytes()).isEqualTo(backend.systemGuid());
        assertThat(roundTrip(new GetChassisStatus.Request()).powerOn()).isEqualTo(backend.powerOn());
        assertThat(roundTrip(new GetSelTime.Request()).time()).isEqualTo(backend.selTime());
        assertThat(roundTrip(new ReserveSel.Request()).reservationId()).isEqualTo(1);
        assertThat(roundTrip(new ReserveSel.Request()).reservationId()).isEqualTo(2);
        GetChassisCapabilities.Response caps = roundTrip(new GetChassisCapabilities.Request());
        assertThat(caps.fruDeviceAddress()).isEqualTo(0x20);
        assertThat(caps.bridgeDeviceAddress()).isEmpty();
        assertThat(roundTrip(new GetChannelPayloadVersion.Request(1, 0)).formatVersion()).isEqualTo(0x10);
    }

    /** Bytes the hand-written replies had, which ipmitool and FreeIPMI accept in the VirtualBmc ITs. */
    @Test
    void typedRepliesKeepTheBytesPeersAccept() {
        assertThat(call(PrivilegeLevel.USER, 0x06, 0x04)).containsExactly(0x00, 0x55, 0x00);
        assertThat(call(PrivilegeLevel.USER, 0x06, 0x41, 0x01, 0x40)).containsExactly(0x00, 0x02, 0x04);
        assertThat(call(PrivilegeLevel.USER, 0x06, 0x4F, 0x01, 0x00)).containsExactly(0x00, 0x10);
        assertThat(call(PrivilegeLevel.USER, 0x00, 0x09, 0x03, 0x00, 0x00)).containsExactly(0x00, 0x01, 0x03, 0x1F);
        assertThat(call(PrivilegeLevel.USER, 0x00, 0x09, 0x04, 0x00, 0x00))
                .containsExactly(0x00, 0x01, 0x04, 0x00, 0x00);
        assertThat(call(PrivilegeLevel.USER, 0x00, 0x09, 0x07, 0x00, 0x00)).containsExactly(0x80);
        assertThat(call(PrivilegeLevel.ADMINISTRATOR, 0x0C, 0x02, 0x01, 0x02, 0x00, 0x00))
                .containsExactly(0x00, 0x11, 0x14, 0x14, 0x14, 0x14, 0x00);
        assertThat(call(PrivilegeLevel.ADMINISTRATOR, 0x0C, 0x02, 0x01, 0x17, 0x00, 0x00))
                .containsExactly(0x00, 0x11, 0x00, 0x03, 0x11);
        assertThat(call(PrivilegeLevel.ADMINISTRATOR, 0x0C, 0x02, 0x01, 0x18, 0x00, 0x00))
                .containsExactly(0x00, 0x11, 0x00, 0x44, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
        assertThat(call(PrivilegeLevel.ADMINISTRATOR, 0x0C, 0x02, 0x01, 0x00, 0x00, 0x00))
                .containsExactly(0x00, 0x11, 0x00);
        assertThat(call(PrivilegeLevel.ADMINISTRATOR, 0x0C, 0x02, 0x01, 0x04, 0x00, 0x00))
                .containsExactly(0x00, 0x11, 0x01);
        assertThat(call(PrivilegeLevel.ADMINISTRATOR, 0x0C, 0x02, 0x01, 0x05, 0x00, 0x00))
                .containsExactly(0x00, 0x11, 0x02, 0x00, 0x5E, 0x00, 0x53, 0x01);
        assertThat(call(PrivilegeLevel.ADMINISTRATOR, 0x0C, 0x02, 0x01, 0x06, 0x00, 0x00))
                .containsExactly(0x00, 0x11, 0xFF, 0xFF, 0xFF, 0x00);
        assertThat(call(PrivilegeLevel.ADMINISTRATOR, 0x0C, 0x02, 0x01, 0x0D, 0x00, 0x00))
                .containsExactly(0x00, 0x11, 0x02, 0x00, 0x5E, 0x00, 0x53, 0xFE);
        assertThat(call(PrivilegeLevel.USER, 0x0C, 0x22, 0x01, 0x03, 0x00, 0x00)).containsExactly(0x00, 0x11, 0x0C, 0x60);
        assertThat(call(PrivilegeLevel.USER, 0x0C, 0x22, 0x01, 0x08, 0x00, 0x00)).containsExactly(0x00, 0x11, 0x6F, 0x02);
        assertThat(call(PrivilegeLevel.USER, 0x0C, 0x22, 0x81, 0x01, 0x00, 0x00)).containsExactly(0x00, 0x11);
    }

    @Test
    void everyCommandIsRegisteredOnce() {
        List<CommandId> ids = dispatcher.commands();
        assertThat(ids.stream().map(i -> i.netFn().code() << 8 | i.cmd()).distinct()).hasSize(ids.size());
        assertThat(ids).anyMatch(i -> i.matches(GetSelfTestResults.ID)).anyMatch(i -> i.matches(ReserveSel.ID));
    }
}
