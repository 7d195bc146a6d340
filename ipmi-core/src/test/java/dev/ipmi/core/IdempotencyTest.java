package dev.ipmi.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ipmi.core.commands.app.ColdReset;
import dev.ipmi.core.commands.app.GetDeviceId;
import dev.ipmi.core.commands.app.SetUserName;
import dev.ipmi.core.commands.app.SetUserPassword;
import dev.ipmi.core.commands.app.WarmReset;
import dev.ipmi.core.commands.chassis.ChassisControl;
import dev.ipmi.core.commands.chassis.GetChassisStatus;
import dev.ipmi.core.commands.chassis.PowerAction;
import dev.ipmi.core.commands.storage.AddSelEntry;
import dev.ipmi.core.commands.storage.ClearSel;
import dev.ipmi.core.commands.storage.DeleteSelEntry;
import dev.ipmi.core.commands.storage.GetSelEntry;
import dev.ipmi.core.types.NetFn;
import org.junit.jupiter.api.Test;

class IdempotencyTest {
    @Test
    void readsAndValueWritesAreRepeatable() {
        assertThat(new GetDeviceId.Request().idempotent()).isTrue();
        assertThat(new GetChassisStatus.Request().idempotent()).isTrue();
        assertThat(new ChassisControl.Request(PowerAction.POWER_UP).idempotent()).isTrue();
        assertThat(new ChassisControl.Request(PowerAction.POWER_DOWN).idempotent()).isTrue();
        assertThat(Idempotency.repeatable(GetSelEntry.ID, new byte[6])).isTrue();
        assertThat(Idempotency.repeatable(SetUserName.ID, new byte[17])).isTrue();
        assertThat(Idempotency.repeatable(dev.ipmi.core.commands.chassis.SetSystemBootOptions.ID, new byte[3])).isTrue();
        assertThat(SetUserPassword.Request.test(2, SetUserPassword.PasswordSize.SIXTEEN, new byte[] {'a'}).idempotent())
                .isTrue();
    }

    @Test
    void commandsThatActOrAppendAreNot() {
        assertThat(new AddSelEntry.Request(new byte[16]).idempotent()).isFalse();
        assertThat(new ChassisControl.Request(PowerAction.POWER_CYCLE).idempotent()).isFalse();
        assertThat(new ChassisControl.Request(PowerAction.HARD_RESET).idempotent()).isFalse();
        assertThat(new ChassisControl.Request(PowerAction.SOFT_SHUTDOWN).idempotent()).isFalse();
        assertThat(new ChassisControl.Request(PowerAction.DIAGNOSTIC_INTERRUPT).idempotent()).isFalse();
        assertThat(new ColdReset.Request().idempotent()).isFalse();
        assertThat(new WarmReset.Request().idempotent()).isFalse();
        assertThat(SetUserPassword.Request.set(3, new byte[] {'x'}).idempotent()).isFalse();
        assertThat(Idempotency.repeatable(DeleteSelEntry.ID, new byte[4])).isFalse();
        assertThat(Idempotency.repeatable(ClearSel.ID, new byte[6])).isFalse();
        assertThat(Idempotency.repeatable(CommandId.of(NetFn.SENSOR_EVENT, 0x02, "Platform Event"), new byte[7]))
                .isFalse();
    }

    @Test
    void rawRequestsAreJudgedByCommandAndData() {
        assertThat(RawRequest.of(0x0A, 0x44, new byte[16]).idempotent()).isFalse();
        assertThat(RawRequest.of(0x00, 0x02, (byte) 0x02).idempotent()).isFalse();
        assertThat(RawRequest.of(0x00, 0x02, (byte) 0x01).idempotent()).isTrue();
        assertThat(RawRequest.of(0x00, 0x02).idempotent()).isFalse();
        assertThat(RawRequest.of(0x06, 0x01).idempotent()).isTrue();
        assertThat(RawRequest.of(0x2E, 0x10, new byte[] {1, 2, 3}).idempotent()).isTrue();
    }

    @Test
    void theCallerCanOptInToRetransmission() {
        IpmiRequest<AddSelEntry.Response> r = Idempotency.assumeRepeatable(new AddSelEntry.Request(new byte[16]));
        assertThat(r.idempotent()).isTrue();
        assertThat(r.id()).isEqualTo(AddSelEntry.ID);
        assertThat(r.toBytes()).hasSize(16);
    }
}
