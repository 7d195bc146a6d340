package dev.ipmi.core.commands.chassis;

import dev.ipmi.core.commands.ParameterFamily;
import dev.ipmi.core.commands.RawParameter;
import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.SetInProgressState;
import dev.ipmi.core.wire.ByteReader;
import dev.ipmi.core.wire.ByteWriter;
import java.util.Objects;
import java.util.Set;

/**
 * A System Boot Options parameter — IPMI v2.0 §28.13, table 28-14. Parameters 0, 3, 4 and 5 are
 * typed; every other selector is carried as raw bytes.
 */
public interface BootOptionParameter {
    int SET_IN_PROGRESS = 0;
    int SERVICE_PARTITION_SELECTOR = 1;
    int SERVICE_PARTITION_SCAN = 2;
    int VALID_BIT_CLEARING = 3;
    int BOOT_INFO_ACKNOWLEDGE = 4;
    int BOOT_FLAGS = 5;
    int BOOT_INITIATOR_INFO = 6;
    int BOOT_INITIATOR_MAILBOX = 7;

    /** Parameter selector, 0..127. */
    int selector();

    /** Writes the parameter data (the bytes after the selector). */
    void encodeData(ByteWriter out);

    /**
     * A parameter without a typed record, as raw data bytes.
     *
     * @throws IllegalArgumentException if the selector is out of range or has a typed record
     */
    static RawParameter raw(int selector, ByteString data) {
        return new RawParameter(ParameterFamily.BOOT_OPTIONS, selector, data);
    }

    /** Decodes the data of parameter {@code selector}; extra trailing bytes are ignored. */
    static BootOptionParameter decode(int selector, ByteReader in) {
        return switch (selector) {
            case SET_IN_PROGRESS -> new SetInProgress(SetInProgressState.valueOf(in.u8("set in progress")));
            case VALID_BIT_CLEARING -> ValidBitClearing.decode(in.u8("boot flag valid bit clearing"));
            // ipmi_sim 2.0.33 returns parameter 4 without data; ipmitool prints "No flag set".
            case BOOT_INFO_ACKNOWLEDGE -> new BootInfoAcknowledge(
                    BootInfoAgent.fromBits(Math.max(0, in.u8OrAbsent("boot info write mask"))),
                    BootInfoAgent.fromBits(Math.max(0, in.u8OrAbsent("boot initiator acknowledge data"))));
            case BOOT_FLAGS -> BootFlags.decode(in);
            default -> new RawParameter(ParameterFamily.BOOT_OPTIONS, selector, in.restAsByteString());
        };
    }

    /** Parameter 0. */
    record SetInProgress(SetInProgressState state) implements BootOptionParameter {
        public SetInProgress {
            Objects.requireNonNull(state, "state");
        }

        @Override
        public int selector() {
            return SET_IN_PROGRESS;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(state.code() & 0x03);
        }
    }

    /**
     * Parameter 3: each flag set means "do not clear the boot-flag valid bit" on that event.
     *
     * @param onPowerUp      bit 0: power up via power pushbutton or wake event
     * @param onResetButton  bit 1: pushbutton reset / soft reset
     * @param onWatchdog     bit 2: reset/power cycle caused by watchdog timeout
     * @param onTimeout      bit 3: the automatic clear 60 s after the flags were set without a Chassis Control
     * @param onPefReset     bit 4: reset/power cycle caused by PEF
     */
    record ValidBitClearing(boolean onPowerUp, boolean onResetButton, boolean onWatchdog, boolean onTimeout,
                            boolean onPefReset) implements BootOptionParameter {
        static ValidBitClearing decode(int b) {
            return new ValidBitClearing((b & 0x01) != 0, (b & 0x02) != 0, (b & 0x04) != 0, (b & 0x08) != 0,
                    (b & 0x10) != 0);
        }

        @Override
        public int selector() {
            return VALID_BIT_CLEARING;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8((onPowerUp ? 0x01 : 0) | (onResetButton ? 0x02 : 0) | (onWatchdog ? 0x04 : 0)
                    | (onTimeout ? 0x08 : 0) | (onPefReset ? 0x10 : 0));
        }
    }

    /**
     * Parameter 4.
     *
     * @param writeMask    data 1: which acknowledge bits this write changes
     * @param acknowledged data 2: the acknowledge bits of those agents, as written or read
     */
    record BootInfoAcknowledge(Set<BootInfoAgent> writeMask, Set<BootInfoAgent> acknowledged)
            implements BootOptionParameter {
        public BootInfoAcknowledge {
            writeMask = Set.copyOf(writeMask);
            acknowledged = Set.copyOf(acknowledged);
        }

        /** ipmitool's {0x01, 0x01} written before the boot flags. */
        public static BootInfoAcknowledge ipmitoolBiosPost() {
            return new BootInfoAcknowledge(Set.of(BootInfoAgent.BIOS_POST), Set.of(BootInfoAgent.BIOS_POST));
        }

        @Override
        public int selector() {
            return BOOT_INFO_ACKNOWLEDGE;
        }

        @Override
        public void encodeData(ByteWriter out) {
            out.u8(BootInfoAgent.toBits(writeMask)).u8(BootInfoAgent.toBits(acknowledged));
        }
    }

}
